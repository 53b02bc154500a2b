// html-validate's recommended rules for every page of dist/, with only these relaxed:
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // KaTeX positions every glyph with style attributes, and the simulations' server-rendered
    // SVG sizes labels the same way; the Content-Security-Policy allows styles as attributes only.
    'no-inline-style': 'off',
    // Preact's server renderer writes void elements self-closed (<input/>) and Astro omits the
    // slash (<meta>); both are valid HTML, and the mix is not ours to choose.
    'void-style': 'off',
  },
};
