/**
 * The public surface of the model package. Outside checks call these names (the model contract,
 * see CONTRIBUTING.md), so add freely and rename nothing. tests/models/index.test.ts pins it.
 */
export * from './random.ts';
export * from './games/index.ts';
export * from './dilemmas/index.ts';
export * from './evolution/index.ts';
export * from './routing/index.ts';
export * from './commons/index.ts';
export * from './goodhart/index.ts';
export * from './learning/index.ts';
export * from './auctions/index.ts';
export * from './mechanisms/index.ts';
export * from './voting/index.ts';
export * from './cascades/index.ts';
