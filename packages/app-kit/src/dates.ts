/** Today as an ISO date in UTC, the calendar the API counts renewal days in. */
export const todayIso = (now: Date = new Date()) => now.toISOString().slice(0, 10);
