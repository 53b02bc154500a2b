/** The commons field: shared renewable resources and the mechanisms that govern them. */
export * from './renewable-resource.ts';
