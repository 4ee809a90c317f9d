"""cleaner: strip boilerplate from scraped Indonesian news articles, and say what went and why.

>>> from cleaner import clean
>>> result = clean("ADVERTISEMENT\\nPresiden tiba di Moskow pada Jumat untuk pembicaraan dua hari.")
>>> result.text
'Presiden tiba di Moskow pada Jumat untuk pembicaraan dua hari.'
>>> [(r.rule_id, r.category) for r in result.removals]
[('ad-banner', 'ad')]
"""

from importlib.metadata import PackageNotFoundError, version

from .engine import Cleaner, clean
from .model import CATEGORIES, Cleaned, Removal, apply_removals, restore
from .rules import RuleError

try:
    __version__ = version("cleaner")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

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
