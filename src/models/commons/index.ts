/** The commons field: shared renewable resources and the mechanisms that govern them. */
export * from './renewable-resource.ts';
export * from './public-goods.ts';
export * from './externality-market.ts';
