/**
 * Indicator ids: every indicator of a stored form has one, unique within its project-year's tree, and
 * keeps it while rows are reordered, added and deleted — so a 复核得分, a finding or a history entry stays
 * on its own indicator. Ids are short and opaque; they are never shown to a person.
 */
/** Any form with indicators that may carry ids: the 自评表, the goal form (kinds/form-kind.ts FormDocument). */
export interface WithIndicators {
  indicators: ReadonlyArray<{ id?: string | undefined }>;
}

/**
 * The form with an id on every indicator: ids already there are kept; the others get `i1`, `i2`, … by
 * row, skipping ids in use. A form without any id (read from a file, or stored by a release before ids)
 * therefore gets the same ids every time it is read, until it is saved with them — which is why the
 * upgrade does not need to rewrite stored documents (store migration 0004 maps the old row-position
 * 复核得分 onto exactly these ids). Returns the same object when nothing was missing.
 */
export function withIndicatorIds<T extends WithIndicators>(ev: T): T {
  if (ev.indicators.every((ind) => ind.id !== undefined)) return ev;
  const used = new Set(ev.indicators.map((ind) => ind.id).filter((id): id is string => id !== undefined));
  let n = 0;
  const next = () => {
    let id: string;
    do id = `i${++n}`;
    while (used.has(id));
    used.add(id);
    return id;
  };
  // by row position first, so that an id-less form's ids are i1…in in order
  const indicators = ev.indicators.map((ind, i) => {
    if (ind.id !== undefined) return ind;
    const positional = `i${i + 1}`;
    if (!used.has(positional)) {
      used.add(positional);
      return { ...ind, id: positional };
    }
    return { ...ind, id: next() };
  });
  return { ...ev, indicators } as T;
}

/**
 * The form with an id on every indicator, the missing ones fresh (from `fresh`): for a form that is
 * already stored. A row-position id there could be the id of an indicator just deleted, and that
 * indicator's 复核得分 would land on the new one.
 */
export function withFreshIndicatorIds<T extends WithIndicators>(ev: T, fresh: () => string): T {
  if (ev.indicators.every((ind) => ind.id !== undefined)) return ev;
  const used = new Set(ev.indicators.map((ind) => ind.id));
  const indicators = ev.indicators.map((ind) => {
    if (ind.id !== undefined) return ind;
    let id: string;
    do id = fresh();
    while (used.has(id));
    used.add(id);
    return { ...ind, id };
  });
  return { ...ev, indicators } as T;
}

/** Ids used twice in a form, in order of their second use (a form with them cannot be stored). */
export function duplicateIndicatorIds(ev: WithIndicators): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const ind of ev.indicators) {
    if (ind.id === undefined) continue;
    if (seen.has(ind.id)) twice.push(ind.id);
    seen.add(ind.id);
  }
  return twice;
}

/** Row of each indicator, by id. */
export function indicatorRows(ev: WithIndicators): Map<string, number> {
  const rows = new Map<string, number>();
  ev.indicators.forEach((ind, i) => ind.id !== undefined && rows.set(ind.id, i));
  return rows;
}

/** A new id not used in the form (for an indicator added in the editor or by the application). */
export function newIndicatorId(ev: WithIndicators, random: () => string): string {
  const used = new Set(ev.indicators.map((ind) => ind.id));
  for (;;) {
    const id = `n${random()}`;
    if (!used.has(id)) return id;
  }
}
