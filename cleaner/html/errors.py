"""The one error of the HTML adapter (a module of its own so every part can raise it)."""


class HtmlError(RuntimeError):
    """The page could not be turned into text: not HTML at all, unparsable, or the extractor
    (trafilatura) missing or failing on it. The message is one line, without the file name."""
