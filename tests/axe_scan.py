"""One way to ask axe-core (WCAG 2.1 AA) what is wrong on a page, for every browser test.

Material animates colours and the header title (0.25 s transitions on hover, focus and scroll),
and axe reads a colour at the moment it runs: halfway through a transition a button or the header
topic is a blend that fails contrast although both of its end states pass. CI caught exactly that
twice. So for the length of a scan transitions and animations are switched off (a change that comes
while axe runs, such as the header title swapping as a page settles, lands at once) and those
already running jump to their end: axe reads the states a student sees.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()

STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# Switching transitions off ends those running; CSS animations and script-made ones are finished
# (infinite ones cannot be and are left: axe ignores a spinner anyway).
# A constructed sheet, not a <style>: the site's Content-Security-Policy may refuse inline styles.
SETTLE = """css => {
  const still = new CSSStyleSheet();
  still.replaceSync(css);
  window.__axeStill = still;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];
  for (const animation of document.getAnimations()) {
    try { animation.finish(); } catch (error) { /* infinite */ }
  }
}"""
RESUME = "() => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== window.__axeStill); }"


def violations(page: Any, *where: str) -> list[str]:
    """Each failing node as `rule: target (what failed)`, inside the selectors `where` (the whole
    page when none is given), after the page's animations have settled."""
    context: Any = {"include": [[selector] for selector in where]} if where else None
    page.evaluate(SETTLE, STILL)
    try:
        result = AXE.run(page, context=context, options=WCAG_AA)
    finally:
        page.evaluate(RESUME)
    return [
        f"{rule['id']}: {node['target']} {node.get('failureSummary', '')}".strip()
        for rule in result.response["violations"]
        for node in rule["nodes"]
    ]
