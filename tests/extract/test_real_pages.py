"""Real Malay Mail and VnExpress pages against fundus' expected parse."""

from pantau.extract.article import extract_article
from pantau.extract.scoring import token_f1
from pantau.registry.sources import registry

from .conftest import PROFILED as SOURCE_OF

# fundus keeps VnExpress' photo caption in the body; Pantau drops captions, so that line is
# scored (it costs F1) but not demanded.
CAPTIONS = {"Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp"}


def test_real_page_fields(real_page):
    source = registry()[SOURCE_OF[real_page.name]]
    article = extract_article(real_page.html, real_page.url, source=source)

    assert article.method == f"profile:{source.profile}"
    assert article.title == real_page.title
    assert article.published == real_page.published
    assert article.published.utcoffset() == real_page.published.utcoffset()
    assert article.byline == ", ".join(real_page.authors)
    assert article.language == source.language
    assert article.url == real_page.url
    assert article.wire is None
    assert token_f1(article.body, "\n".join(real_page.paragraphs)) >= 0.95
    for paragraph in real_page.paragraphs:
        assert paragraph in article.body or paragraph in CAPTIONS
    assert not CAPTIONS & set(article.body.split("\n\n"))


def test_real_page_without_source_uses_profile_by_host(real_page):
    article = extract_article(real_page.html, real_page.url)
    assert article.method.startswith("profile:")
    assert article.source_id is None
    assert article.published == real_page.published
