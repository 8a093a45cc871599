import { describe, expect, it } from "vitest";
import { builtinPlaybookHistory, builtinPlaybooks, builtinProjectTemplates } from "./builtin.ts";
import { exportPlaybooks, parsePlaybookExport } from "./export.ts";
import { builtinTemplates, documentVariables, renderTemplate, validateTemplate } from "./templates.ts";

const file = () =>
  JSON.parse(
    JSON.stringify(
      exportPlaybooks({
        playbooks: [...builtinPlaybooks, ...builtinPlaybookHistory],
        documentTemplates: builtinTemplates,
      }),
    ),
  );

describe("X-8 playbooks and templates as versioned JSON", () => {
  it("X-8: the built-ins round-trip through JSON", () => {
    const parsed = parsePlaybookExport(file());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.playbooks).toEqual([...builtinPlaybooks, ...builtinPlaybookHistory]);
      expect(parsed.value.projectTemplates).toEqual(builtinProjectTemplates);
    }
  });

  it("X-8: an invalid file is rejected whole with the path of each error", () => {
    const bad = file();
    bad.playbooks[0].triggers[0] = { kind: "date", anchor: "signature", offsetDays: 1.5 };
    bad.playbooks[1].actions[0].templateId = "nope";
    bad.playbooks[2].version = 1;
    bad.playbooks[2].id = bad.playbooks[3].id;
    bad.documentTemplates[0].sections[1].body = "Hi {{account.nmae}}";
    const parsed = parsePlaybookExport(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const paths = parsed.errors.map((e) => e.path);
      expect(paths).toContain("playbooks[0].triggers[0].anchor");
      expect(paths).toContain("playbooks[0].triggers[0].offsetDays");
      expect(parsed.errors.length).toBeGreaterThanOrEqual(2);
    }
    // cross-checks run once the shapes are valid
    const refs = file();
    refs.playbooks[1].actions[0].templateId = "nope";
    refs.playbooks[2].id = refs.playbooks[3].id;
    refs.playbooks[2].version = refs.playbooks[3].version;
    refs.documentTemplates[0].sections[1].body = "Hi {{account.nmae}}";
    const crossed = parsePlaybookExport(refs);
    expect(crossed.ok ? [] : crossed.errors).toEqual(
      expect.arrayContaining([
        { path: "playbooks[1].actions[0].templateId", message: 'no document template "nope"' },
        expect.objectContaining({ path: "playbooks[3].version" }),
        { path: "documentTemplates[0].sections[1].body", message: "unknown variable {{account.nmae}}" },
      ]),
    );
    expect(parsePlaybookExport({ kind: "keel.playbooks", schemaVersion: 2 }).ok).toBe(false);
  });
});

describe("M-2 document templates", () => {
  it("M-2: ships the eight handbook templates, all valid", () => {
    expect(builtinTemplates.map((t) => t.name)).toEqual([
      "Handoff Doc",
      "Health Assessment",
      "Account Save Plan",
      "Get Well Plan",
      "Success Plan",
      "Churn Retro",
      "TA-to-TA Handoff",
      "CBR",
    ]);
    for (const t of builtinTemplates) expect(validateTemplate(t)).toEqual({ ok: true });
    const cbr = builtinTemplates.find((t) => t.id === "cbr");
    expect(cbr?.sections.map((s) => s.heading)).toContain("Value Realization & Maturity Model");
  });

  it("M-2: an unknown variable is an error with where it is, not a blank", () => {
    const [handoff] = builtinTemplates;
    const broken = {
      ...handoff!,
      title: "{{acount.name}}",
      sections: [{ id: "x", heading: "ok", body: "{{ team.cto }}" }],
    };
    expect(validateTemplate(broken, documentVariables)).toEqual({
      ok: false,
      issues: [
        { path: ["title"], variable: "acount.name", message: "unknown variable {{acount.name}}" },
        { path: ["sections", 0, "body"], variable: "team.cto", message: "unknown variable {{team.cto}}" },
      ],
    });
  });

  it("M-2: renders variables from the context; a known variable without a value says so", () => {
    const handoff = builtinTemplates[0]!;
    const doc = renderTemplate(handoff, {
      account: {
        name: "Acme",
        closeDate: "2026-03-01",
        arr: "$300,000",
        seatsPurchased: 500,
        segment: "enterprise",
        supportLevel: "dedicated",
      },
      team: { ta: "Tess", ae: "Abe", ce: "Cee" },
    });
    expect(doc.title).toBe("Handoff: Acme");
    expect(doc.sections[0]?.body).toContain("Close date 2026-03-01, ARR $300,000, 500 seats");
    expect(doc.sections[1]?.body).toBe("AE Abe, CE Cee, TA Tess, IE (not set).");
    expect(doc).toMatchObject({ templateId: "handoff", templateVersion: 1 });
  });
});
