"""What a shared link and a search engine learn about a page (pure: no MkDocs).

Each page's own description (front matter `description:`), its address,
its language and its translation's address, and its preview image's
address: the data for overrides/partials/share-meta.html.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MAX_DESCRIPTION = 120  # characters: what a search result or a chat preview shows
IMAGE_NAME = "preview.png"  # next to the page's index.html
# hreflang (BCP 47) and Open Graph locale of each language of the guide.
HREFLANG = {"zh": "zh-Hans", "en": "en"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}


def hreflang(language: str) -> str:
    """A language's code for search engines (BCP 47): 'zh' -> 'zh-Hans'."""
    return HREFLANG.get(language, language)


@dataclass(frozen=True)
class Share:
    title: str
    description: str
    site_name: str
    locale: str
    other_locales: tuple[str, ...]
    # Empty without site_url (the offline zip): the tags that need them are left out.
    url: str = ""
    image: str = ""
    alternates: tuple[Alternate, ...] = ()


@dataclass(frozen=True)
class Alternate:
    """The page in another language: its hreflang and its address."""

    hreflang: str
    href: str


def description_problem(meta: dict) -> tuple[str, str] | None:
    """(problem, fix) when the front matter's description is missing or too long."""
    value = meta.get("description")
    if value is None or (isinstance(value, str) and not value.strip()):
        return ("the page has no description", "add `description: \"…\"` to its front matter: one plain sentence, at most "
                f"{MAX_DESCRIPTION} characters, in the page's language, saying what the page helps the reader do")
    if not isinstance(value, str):
        return (f"the description '{value}' is not text", "write it in quotes: `description: \"…\"`")
    if len(value.strip()) > MAX_DESCRIPTION:
        return (f"the description has {len(value.strip())} characters", f"shorten it to at most {MAX_DESCRIPTION}")
    return None


def absolute(site_url: str, path: str) -> str:
    """site_url joined with a site-relative URL path ("" or "./" is the home page)."""
    path = "" if path in ("", ".", "./") else path.lstrip("/")
    return site_url.rstrip("/") + "/" + path


def share(*, title: str, description: str, site_name: str, language: str, languages: list[str], default_language: str,
          site_url: str, page_url: str, alternate_urls: dict[str, str]) -> Share:
    """The share data of one page. `page_url` and `alternate_urls` (language -> URL
    path of the same page) are relative to the site's root."""
    locales = tuple(OG_LOCALE.get(other, other) for other in languages if other != language)
    base = Share(title=title, description=description.strip(), site_name=site_name,
                 locale=OG_LOCALE.get(language, language), other_locales=locales)
    if not site_url:
        return base
    url = absolute(site_url, page_url)
    pairs = [Alternate(hreflang(lang), absolute(site_url, alternate_urls[lang])) for lang in languages if lang in alternate_urls]
    if default_language in alternate_urls:
        pairs.append(Alternate("x-default", absolute(site_url, alternate_urls[default_language])))
    return replace(base, url=url, image=url.rstrip("/") + "/" + IMAGE_NAME, alternates=tuple(pairs))
