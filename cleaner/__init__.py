"""cleaner: strip boilerplate from scraped Indonesian news articles, and say what went and why.

>>> from cleaner import clean
>>> result = clean("ADVERTISEMENT\\nPresiden tiba di Moskow pada Jumat untuk pembicaraan dua hari.")
>>> result.text
'Presiden tiba di Moskow pada Jumat untuk pembicaraan dua hari.'
>>> [(r.rule_id, r.category) for r in result.removals]
[('ad-banner', 'ad')]
"""

from .engine import Cleaner, clean
from .model import CATEGORIES, Cleaned, Removal, apply_removals, restore
from .packs import RuleError

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it from here)

__all__ = [
    "CATEGORIES",
    "Cleaned",
    "Cleaner",
    "Removal",
    "RuleError",
    "__version__",
    "apply_removals",
    "clean",
    "restore",
]
