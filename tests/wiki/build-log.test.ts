import { describe, expect, it } from 'vitest';
import { classifyLogLine } from '../../scripts/build-log.ts';

describe('the build-log gate', () => {
  it('classifyLogLine fails the build on any [ERROR]', () => {
    expect(classifyLogLine('12:00:00 [ERROR] [content] Duplicate id "x" found in content/articles/x.mdx')).toBe('error');
  });
  it('classifyLogLine fails the build on an unknown [WARN], e.g. a missing reference', () => {
    expect(classifyLogLine('12:00:00 [WARN] [glob-loader] Duplicate id "goodharts-law" found')).toBe('error');
  });
  it('classifyLogLine lets the known MDX head-inject warning through, colour codes and all', () => {
    const line = '22:01:24 [WARN] [vite] \u001b[33m[MODULE_LEVEL_DIRECTIVE] \u001b[0mThe semantics of the module level directive "use astro:head-inject" in "content/articles/nash-equilibrium.mdx?astroPropagatedAssets" may not be preserved when bundling.';
    expect(classifyLogLine(line)).toBe('allowed');
  });
  it('classifyLogLine does not let the same warning through for files outside the articles', () => {
    expect(classifyLogLine('[WARN] [vite] [MODULE_LEVEL_DIRECTIVE] "use astro:head-inject" in "src/evil.mdx?astroPropagatedAssets"')).toBe('error');
  });
  it('classifyLogLine ignores ordinary lines', () => {
    expect(classifyLogLine('22:01:24 [build] Complete!')).toBe('ok');
  });
});
