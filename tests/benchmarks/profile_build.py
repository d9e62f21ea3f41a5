"""Build a project once under cProfile and print, as JSON, where the time went.

Run in its own process (by bench.py) so that every build starts cold in the same way.
Usage: python profile_build.py PROJECT_DIR SITE_DIR
"""

from __future__ import annotations

import cProfile
import json
import logging
import os
import pstats
import sys
import time
from pathlib import Path


def main() -> None:
    project, site_dir = Path(sys.argv[1]), sys.argv[2]
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(project)
    logging.disable(logging.WARNING)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=site_dir)
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    build(config)
    profile.disable()
    total = time.perf_counter() - start

    hooks = jieba = 0.0
    hooks_dir = str(project / "hooks")
    for (filename, _, name), (_, _, _, cumulative, _) in pstats.Stats(profile).stats.items():
        # The hook's event functions are its entry points: their cumulative time is all of it.
        if filename.startswith(hooks_dir) and name.startswith("on_"):
            hooks += cumulative
        # Tokenizer.cut covers jieba's dictionary load (on first use) and all segmentation.
        if filename.endswith(os.path.join("jieba", "__init__.py")) and name == "cut":
            jieba = max(jieba, cumulative)
    print(json.dumps({"total": total, "hooks": hooks, "jieba": jieba}))


if __name__ == "__main__":
    main()
