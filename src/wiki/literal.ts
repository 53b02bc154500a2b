/**
 * Evaluates the attribute values an article may pass to a component: literals only (strings,
 * numbers, booleans, null, and arrays and objects of those). Anything else, a variable, a call,
 * a template with holes, is refused, so an article can never run code at build time.
 */
type EstreeNode = { type: string; [key: string]: unknown };

export class NotALiteral extends Error {
  override name = 'NotALiteral';
}

/** The plain value of an estree expression made only of literals; throws `NotALiteral` otherwise. */
export function literalValue(node: EstreeNode): unknown {
  switch (node.type) {
    case 'Literal': {
      const value = node['value'];
      if (value instanceof RegExp || typeof value === 'bigint') throw new NotALiteral('regular expressions and bigints are not allowed');
      return value;
    }
    case 'TemplateLiteral': {
      const expressions = node['expressions'] as EstreeNode[];
      const quasis = node['quasis'] as { value: { cooked: string } }[];
      if (expressions.length > 0) throw new NotALiteral('template strings with ${…} are not allowed');
      return quasis.map((q) => q.value.cooked).join('');
    }
    case 'UnaryExpression': {
      const argument = node['argument'] as EstreeNode;
      const operator = node['operator'];
      if ((operator === '-' || operator === '+') && argument.type === 'Literal' && typeof argument['value'] === 'number') {
        return operator === '-' ? -(argument['value'] as number) : (argument['value'] as number);
      }
      throw new NotALiteral(`the operator ${String(operator)} is not allowed`);
    }
    case 'ArrayExpression':
      return (node['elements'] as (EstreeNode | null)[]).map((el) => {
        if (el === null || el.type === 'SpreadElement') throw new NotALiteral('holes and spreads are not allowed in arrays');
        return literalValue(el);
      });
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const prop of node['properties'] as EstreeNode[]) {
        if (prop.type !== 'Property' || prop['computed'] || prop['kind'] !== 'init' || prop['method']) {
          throw new NotALiteral('objects may hold only plain `key: value` pairs');
        }
        const key = prop['key'] as EstreeNode;
        const name = key.type === 'Identifier' ? (key['name'] as string) : key.type === 'Literal' ? String(key['value']) : null;
        if (name === null) throw new NotALiteral('object keys must be names or strings');
        if (name === '__proto__' || name === 'constructor' || name === 'prototype') throw new NotALiteral(`the key ${name} is not allowed`);
        out[name] = literalValue(prop['value'] as EstreeNode);
      }
      return out;
    }
    default:
      throw new NotALiteral(`${node.type} is not a literal`);
  }
}
