/** English labels of the demo templates, used in workspace names (data, not UI). Kept apart from the catalogues so the shell can read them without loading demo data. */
export const TEMPLATE_LABELS = { mother_baby: 'Mother & Baby', beauty: 'Beauty', food: 'Food' } as const;
