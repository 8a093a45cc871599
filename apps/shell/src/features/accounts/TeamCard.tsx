import { type AccountTeam, type TeamRole, teamRoleLabels, teamRoles } from "@keel/domain";
import { Card } from "@keel/ui";

const shortLabels: Record<TeamRole, string> = { ta: "TA", ae: "AE", ce: "CE", ie: "IE", tpm: "TPM" };
/** IE and TPM are optional on an account: their absence is normal, not a gap. */
const optional: ReadonlySet<TeamRole> = new Set(["ie", "tpm"]);

export function TeamCard({ team }: { team: AccountTeam }) {
  return (
    <Card title="Team">
      <dl className="team">
        {teamRoles.map((role) => {
          const member = team[role];
          return (
            <div key={role} className="team__member">
              <dt>
                <abbr title={teamRoleLabels[role]}>{shortLabels[role]}</abbr>
              </dt>
              <dd>
                {member ? (
                  <>
                    <span className="team__name">{member.name}</span>
                    <a className="team__email" href={`mailto:${member.email}`}>
                      {member.email}
                    </a>
                  </>
                ) : (
                  <span className={optional.has(role) ? "shell-muted" : "team__gap"}>
                    {optional.has(role) ? "None" : "Not assigned"}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </Card>
  );
}
