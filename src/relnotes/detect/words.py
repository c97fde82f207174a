"""Word evidence: the language a sentence is built in shows in its function words.

A Portuguese sentence full of English identifiers (``use o atributo Timer.finished``) is
still built with Portuguese articles, prepositions and conjunctions; an English label left
in a German page (``Quick Links``) is made of English words. Each language has its most
frequent function words, the labels of documentation pages (notes, warnings, headings,
navigation) and the English words it writes too (``Support`` in French, ``Download`` in
German); a word counts for a language only where no other candidate language spells it the
same way (``a`` is English and Portuguese, ``Important`` English and French): those are left
to the backend and the context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from relnotes.detect.frequency import source_specific
from relnotes.detect.mask import CJK, WORD

_LISTS: dict[str, str] = {
    "en": """a the of and to in is are was were be been for on with by this that these those it its use
        from as at an or not can will would should could has have had which when where what who how
        there their they you your we our us if than then also but into onto only more most other such
        may must does do did all any each new now no yes about after before between over under see
        note warning important tip caution quick links contents overview introduction summary chapter
        section page next previous home download release notes known issues resolved features updates
        getting started table appendix index glossary search contact support help legal notice
        changes added removed fixed deprecated improvements documentation read more learn""",
    "pt": """o os a as um uma uns umas de do da dos das em no na nos nas para por pelo pela pelos pelas use
        com sem e é são foi foram ser está estão este esta estes estas isso isto esse essa que não se
        ao aos à às ou mas como mais também quando onde já seu sua seus suas pode podem deve agora
        nota aviso importante dica atenção links rápidos conteúdo visão geral introdução resumo capítulo
        seção página próximo anterior início baixar notas versão problemas conhecidos resolvidos
        recursos novos itens índice glossário pesquisar ajuda suporte aviso legal alterações
        adicionado removido corrigido obsoleto melhorias documentação saiba mais leia""",
    "es": """a el la los las un una unos unas de del en para por con sin y e es son fue ser está están use
        este esta estos estas eso esto ese esa que no se al o u pero como más también cuando donde ya
        su sus puede pueden debe ahora nota aviso importante consejo precaución enlaces rápidos
        contenido resumen introducción capítulo sección página siguiente anterior inicio descargar
        notas versión problemas conocidos resueltos novedades elementos índice glosario buscar ayuda
        soporte cambios añadido eliminado corregido obsoleto mejoras documentación más información""",
    "fr": """le la les un une des de du en dans pour par avec sans et est sont était être ce cette ces
        cet qui que ne pas se au aux ou mais comme plus aussi quand où déjà son sa ses leur leurs peut
        peuvent doit maintenant il elle ils sur nous vous note avertissement astuce attention liens
        rapides sommaire aperçu introduction résumé chapitre section page suivant précédent accueil
        télécharger notes version problèmes connus résolus nouveautés éléments index glossaire
        rechercher aide assistance modifications ajouté supprimé corrigé obsolète améliorations""",
    "de": """der die das den dem des ein eine einen einem einer eines und oder ist sind war waren sein
        wird werden wurde für mit von zu zum zur auf aus bei nach über unter nicht kein keine auch
        als wie wenn dass sich es er sie wir ihr ihre sein seine kann können muss sollte nur noch
        jetzt hinweis warnung wichtig tipp vorsicht schnellzugriff inhalt übersicht einführung
        zusammenfassung kapitel abschnitt seite weiter zurück startseite herunterladen
        versionshinweise bekannte probleme behobene neue funktionen einträge stichwortverzeichnis
        glossar suche hilfe änderungen hinzugefügt entfernt behoben veraltet verbesserungen mehr
        in im ins am an um durch ohne gegen bis seit zwischen während beim vom warum mehrere einige
        alle dieser diese dieses jede jeder viele andere anderen weitere""",
    "it": """il lo la i gli le un uno una di del dello della dei degli delle in nel nella nei per con
        su sul sulla da dal dalla e è sono era essere questo questa questi queste che non si al alla
        ai o ma come più anche quando dove già suo sua suoi sue può possono deve ora nota avviso
        importante suggerimento attenzione collegamenti rapidi contenuti panoramica introduzione
        riepilogo capitolo sezione pagina successivo precedente scarica note versione problemi noti
        risolti novità elementi indice glossario cerca aiuto supporto modifiche aggiunto rimosso
        corretto deprecato miglioramenti documentazione""",
    "id": """yang dan di ke dari untuk dengan pada dalam adalah ini itu tidak akan dapat bisa juga
        atau oleh sebagai karena jika saat telah sudah belum ada tersebut setiap semua lebih hanya
        kami kita anda mereka ia bagi secara agar supaya seperti antara catatan peringatan penting
        kiat perhatian tautan cepat isi ikhtisar pengantar ringkasan bab bagian halaman berikutnya
        sebelumnya beranda unduh rilis masalah diketahui diselesaikan fitur baru butir indeks
        glosarium cari bantuan dukungan perubahan ditambahkan dihapus diperbaiki usang perbaikan""",
}

# The common nouns of software documentation that every language borrows from English and
# writes about as often (wordfreq cannot tell them from names): in "Web Server", "Ethernet
# Interface", "File Systems" they are words to translate, not a product's name.
DOCUMENTATION_NOUNS = frozenset(
    """server servers client clients interface interfaces system systems software hardware network
    networks kernel configuration installation management storage security update updates file files
    web mail proxy database databases driver drivers desktop user users group groups service services
    package packages format backup backups gateway filesystem filesystems cache tunnel firewall
    cluster clusters container containers image images plan master support tools tool manager
    monitoring logging authentication encryption virtualization performance compatibility device
    devices module modules library libraries console terminal shell editor browser guide tutorial
    overview settings options feature features issue issues release notes directory""".split()  # noqa: SIM905
)

# Languages that put a noun before what names it ("Server Samba", "Proxy HTTP/FTP"), where
# English puts it after ("Samba Server"); and languages that join a name to its noun with a
# hyphen ("XMPP-Server") where English leaves a space.
HEAD_FIRST = frozenset({"pt", "es", "fr", "it", "ro", "ca", "gl", "id", "ms", "vi"})
HYPHEN_COMPOUNDS = frozenset({"de", "nl", "sv", "da", "nb", "nn", "no", "is", "fi"})
_NAMING = re.compile(r"[A-Z][\w/.+-]*|[\w/.+-]*\d[\w/.+-]*")  # SIP, Samba, HTTP/FTP, inetd excluded


def _names(word: str) -> bool:
    """An acronym, a token or a capitalised name: not a word English writes (``Highlights``)."""
    if not _NAMING.fullmatch(word) or word.lower() in DOCUMENTATION_NOUNS:
        return False
    return not word[1:].islower() or not source_specific(word)


def reordered(text: str, languages: Sequence[str]) -> str | None:
    """The candidate whose way of naming a thing the block follows, unlike English's.

    ``Server XMPP``, ``Proxy HTTP/FTP`` (a documentation noun, then names) are Italian,
    Portuguese, Indonesian…; ``XMPP-Server`` is German. An English writer writes neither.
    """
    words = text.split()
    if not 2 <= len(words) <= 3:
        if len(words) == 1 and "-" in words[0]:
            name, _, noun = words[0].rpartition("-")
            if noun.lower() in DOCUMENTATION_NOUNS and _NAMING.fullmatch(name) and name[:1].isupper():
                found = [language for language in languages if language in HYPHEN_COMPOUNDS]
                return found[0] if len(found) == 1 else None
        return None
    head, rest = words[0], words[1:]
    if head.lower() not in DOCUMENTATION_NOUNS or not head[:1].isupper():
        return None
    if not all(_names(w) or (w.islower() and w in DOCUMENTATION_NOUNS) for w in rest):
        return None  # "Server Samba"; "Browser web" too: English writes neither
    found = [language for language in languages if language in HEAD_FIRST]
    return found[0] if len(found) == 1 else None


# English words each language writes too: shared with English, they prove neither.
_LOANWORDS: dict[str, str] = {
    "pt": "download home links backup site web online",
    "es": "web online software hardware",
    "fr": "important introduction section page index contact support documentation notes table options "
    "installation configuration version web",
    "de": "links download downloads support index updates update features home release notes installation web online",
    "it": "download home link index web online software",
    "id": "download link home web online software support",
}

# Credits name people: "(Contributed by Jane Doe in gh-51234.)". Beside a translated sentence
# they are discounted; alone, they are English (``LanguageDetector`` decides them). A credit
# stops where CJK or Hangul text starts: "(… by Eric Snow가 시작한 작업.)" goes on in Korean.
CREDIT = re.compile(
    r"\(?\b(?:(?:originally\s+)?contributed|patch(?:ed)?|written|implemented|reported|fixed|suggested|reviewed)"
    rf"\s+by\s+(?=(?-i:[A-ZÀ-Þ]))[^(){CJK}]*\)?\.?",  # by someone, not "Fixed by upgrading to …"
    re.IGNORECASE,
)


def credit_only(text: str, masked: str) -> bool:
    """A credit and nothing else natural: ``(Contributed by Jane Doe in gh-51234.)``."""
    return not WORD.search(masked) and CREDIT.search(text) is not None


# A parenthesised issue reference closing a block: where a translated credit shows.
REFERENCE = re.compile(r"\([^()]*(?:\b(?:bpo|gh|bz|bug|issue)[- ]?#?\d+|#\d{3,})[^()]*\)[.\s]*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# Elided articles and prepositions, written against the next word: "Installation d'Apache",
# "dell'amministratore". Read as the word they stand for (English "it's", "don't" never match:
# the letter before the apostrophe does not start a word there).
_ELIDED = {
    "d": "de", "l": "le", "qu": "que", "n": "ne", "j": "je", "s": "se", "c": "ce",
    "dell": "della", "all": "alla", "dall": "dalla", "nell": "nella", "sull": "sulla", "un": "una",
}  # fmt: skip
_ELISION = re.compile(r"(?<![\w'’])(d|l|qu|n|j|s|c|dell|all|dall|nell|sull|un)['’](?=[^\W\d_])", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")


@cache
def owners(languages: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Word -> the candidate languages that write it."""
    owners: dict[str, set[str]] = {}
    for language in languages:
        for word in _LISTS.get(language, "").split():
            owners.setdefault(word, set()).add(language)
        for word in _LOANWORDS.get(language, "").split():
            # An English word the language writes too is shared with English even where the
            # English list lacks it: "configuration" must not make an English line French.
            owners.setdefault(word, set()).update((language, "en"))
    return {word: frozenset(langs) for word, langs in owners.items()}


@cache
def lexicon(languages: tuple[str, ...]) -> dict[str, str]:
    """Word -> the one candidate language it belongs to; words two candidates share are dropped."""
    return {word: next(iter(langs)) for word, langs in owners(languages).items() if len(langs) == 1}


def only_shared(text: str, languages: Sequence[str]) -> bool:
    """Whether every word is one that two candidates spell alike: ``use`` between identifiers
    (``Py_DebugFlag: use PyConfig.parser_debug``) reads the same in English and Portuguese,
    so there is nothing to translate."""
    table = owners(tuple(languages))
    found = _WORD.findall(text.lower())
    return bool(found) and all(len(table.get(word, ())) >= 2 for word in found)


def counts(text: str, languages: Sequence[str]) -> dict[str, int]:
    """How many words of the text belong to each candidate language (parentheses count apart).

    Words inside parentheses are glosses and credits (``Compilador AOT (ahead-of-time)``,
    ``대상 정책(targeted policy)``): they count only when the text outside them says nothing.
    """
    table = lexicon(tuple(languages))
    text = _ELISION.sub(lambda m: _ELIDED[m.group(1).lower()] + " ", text)
    outside = _PARENTHESES.sub(" ", text)
    for part in (outside, text):
        found = dict.fromkeys(languages, 0)
        for word in _WORD.findall(part.lower()):
            language = table.get(word)
            if language is not None:
                found[language] += 1
        if any(found.values()):
            return found
    return dict.fromkeys(languages, 0)


def by_words(text: str, languages: Sequence[str]) -> tuple[str | None, float]:
    """The language the words prove (at least one of its words, three times any other's), and how surely.

    One word is evidence, not proof: it gives 0.90, two 0.95, three or more 1.00.
    """
    found = counts(text, languages)
    ranked = sorted(languages, key=lambda lang: -found[lang])
    best = ranked[0]
    runner = found[ranked[1]] if len(ranked) > 1 else 0
    if found[best] and found[best] >= 3 * runner and (runner == 0 or found[best] >= 4):
        return best, min(1.0, 0.85 + 0.05 * (found[best] - runner))
    return None, 0.0


def has_known_words(text: str, languages: Sequence[str]) -> bool:
    """Whether any word is a listed word of a candidate, a loanword shared with English included."""
    if any(counts(text, languages).values()):
        return True
    shared = {w for lang in languages for w in _LOANWORDS.get(lang, "").split()}
    return any(word in shared for word in _WORD.findall(text.lower()))


def covers(languages: Sequence[str]) -> bool:
    """Whether every candidate has a word list: without one (Norwegian), a shared word
    ("for" is English and Norwegian) would count for English alone, so words cannot decide."""
    return all(language in _LISTS for language in languages)
