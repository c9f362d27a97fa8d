"""Rome Statute act codes: the vocabulary documenters tag incidents with.

Codes follow the article structure, ``RS-<article>-<paragraph>-<letter>[-<roman>]``:

* ``RS-6-a`` ... ``RS-6-e``: genocide, Art. 6(a)-(e) (Art. 6 has no numbered paragraph);
* ``RS-7-1-a`` ... ``RS-7-1-k``: crimes against humanity, Art. 7(1)(a)-(k). Each letter
  is one code; Art. 7(1)(g) (rape and other sexual violence) is one code for all its forms;
* ``RS-8-2-a-i`` ...: war crimes, Art. 8(2)(a) (grave breaches), (b) (other serious
  violations in international armed conflict), (c) (common Article 3) and (e) (other
  serious violations in non-international armed conflict), with the item's roman numeral.

Labels are short forms of the official English text, kept as plain English strings in this
one table so the GUI can translate them later (Qt ``.ts``). The table is data, never
changed at run time; the codes are stored with testimonies, so a code once published is
never renamed or removed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Act:
    """One act of the Rome Statute: its code, article reference and short English label."""

    code: str
    article_ref: str
    label: str


def _article_ref(code: str) -> str:
    """Art. reference for a code, e.g. ``RS-8-2-b-xxv`` -> ``Art. 8(2)(b)(xxv)``."""
    parts = code.split("-")[1:]
    article, rest = parts[0], parts[1:]
    return f"Art. {article}" + "".join(f"({p})" for p in rest)


_TABLE: tuple[tuple[str, str], ...] = (
    # --- Art. 6 genocide ---------------------------------------------------------------
    ("RS-6-a", "Genocide: killing members of the group"),
    ("RS-6-b", "Genocide: causing serious bodily or mental harm to members of the group"),
    (
        "RS-6-c",
        "Genocide: deliberately inflicting conditions of life calculated to bring about "
        "the group's physical destruction",
    ),
    ("RS-6-d", "Genocide: imposing measures intended to prevent births within the group"),
    ("RS-6-e", "Genocide: forcibly transferring children of the group to another group"),
    # --- Art. 7(1) crimes against humanity -----------------------------------------------
    ("RS-7-1-a", "Murder"),
    ("RS-7-1-b", "Extermination"),
    ("RS-7-1-c", "Enslavement"),
    ("RS-7-1-d", "Deportation or forcible transfer of population"),
    ("RS-7-1-e", "Imprisonment or other severe deprivation of physical liberty"),
    ("RS-7-1-f", "Torture"),
    (
        "RS-7-1-g",
        "Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced "
        "sterilization or other sexual violence",
    ),
    ("RS-7-1-h", "Persecution against an identifiable group or collectivity"),
    ("RS-7-1-i", "Enforced disappearance of persons"),
    ("RS-7-1-j", "The crime of apartheid"),
    ("RS-7-1-k", "Other inhumane acts causing great suffering or serious injury"),
    # --- Art. 8(2)(a) grave breaches of the Geneva Conventions -------------------------
    ("RS-8-2-a-i", "Wilful killing"),
    ("RS-8-2-a-ii", "Torture or inhuman treatment, including biological experiments"),
    ("RS-8-2-a-iii", "Wilfully causing great suffering, or serious injury to body or health"),
    (
        "RS-8-2-a-iv",
        "Extensive destruction and appropriation of property, not justified by military necessity",
    ),
    ("RS-8-2-a-v", "Compelling a protected person to serve in the forces of a hostile Power"),
    ("RS-8-2-a-vi", "Wilfully depriving a protected person of the rights of fair trial"),
    ("RS-8-2-a-vii", "Unlawful deportation or transfer or unlawful confinement"),
    ("RS-8-2-a-viii", "Taking of hostages"),
    # --- Art. 8(2)(b) other serious violations, international armed conflict -------------
    ("RS-8-2-b-i", "Intentionally directing attacks against the civilian population"),
    ("RS-8-2-b-ii", "Intentionally directing attacks against civilian objects"),
    (
        "RS-8-2-b-iii",
        "Attacking humanitarian assistance or peacekeeping personnel or objects",
    ),
    (
        "RS-8-2-b-iv",
        "Launching an attack knowing it will cause clearly excessive incidental civilian harm",
    ),
    ("RS-8-2-b-v", "Attacking or bombarding undefended towns, villages, dwellings or buildings"),
    ("RS-8-2-b-vi", "Killing or wounding a combatant who has surrendered (hors de combat)"),
    (
        "RS-8-2-b-vii",
        "Improper use of a flag of truce, enemy or UN flag or uniform, or the distinctive emblems",
    ),
    (
        "RS-8-2-b-viii",
        "Transfer of own civilians into occupied territory, or deportation or transfer of "
        "its population",
    ),
    (
        "RS-8-2-b-ix",
        "Attacking buildings dedicated to religion, education, art, science or charity, "
        "historic monuments or hospitals",
    ),
    ("RS-8-2-b-x", "Physical mutilation or medical or scientific experiments"),
    ("RS-8-2-b-xi", "Killing or wounding treacherously"),
    ("RS-8-2-b-xii", "Declaring that no quarter will be given"),
    ("RS-8-2-b-xiii", "Destroying or seizing the enemy's property"),
    ("RS-8-2-b-xiv", "Abolishing the rights and actions of nationals of the hostile party"),
    (
        "RS-8-2-b-xv",
        "Compelling nationals of the hostile party to take part in operations of war against "
        "their own country",
    ),
    ("RS-8-2-b-xvi", "Pillaging a town or place"),
    ("RS-8-2-b-xvii", "Employing poison or poisoned weapons"),
    ("RS-8-2-b-xviii", "Employing asphyxiating, poisonous or other gases"),
    ("RS-8-2-b-xix", "Employing bullets which expand or flatten easily in the human body"),
    ("RS-8-2-b-xxi", "Outrages upon personal dignity, humiliating and degrading treatment"),
    (
        "RS-8-2-b-xxii",
        "Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced "
        "sterilization or other sexual violence",
    ),
    ("RS-8-2-b-xxiii", "Using civilians or other protected persons as shields"),
    (
        "RS-8-2-b-xxiv",
        "Attacking medical units, transport and personnel using the distinctive emblems",
    ),
    (
        "RS-8-2-b-xxv",
        "Starvation of civilians as a method of warfare, including impeding relief supplies",
    ),
    (
        "RS-8-2-b-xxvi",
        "Conscripting or enlisting children under fifteen or using them in hostilities",
    ),
    # --- Art. 8(2)(c) common Article 3, non-international armed conflict --------------
    (
        "RS-8-2-c-i",
        "Violence to life and person: murder, mutilation, cruel treatment and torture",
    ),
    ("RS-8-2-c-ii", "Outrages upon personal dignity, humiliating and degrading treatment"),
    ("RS-8-2-c-iii", "Taking of hostages"),
    (
        "RS-8-2-c-iv",
        "Sentences or executions without judgement of a regularly constituted court",
    ),
    # --- Art. 8(2)(e) other serious violations, non-international armed conflict --------
    ("RS-8-2-e-i", "Intentionally directing attacks against the civilian population"),
    (
        "RS-8-2-e-ii",
        "Attacking medical units, transport and personnel using the distinctive emblems",
    ),
    (
        "RS-8-2-e-iii",
        "Attacking humanitarian assistance or peacekeeping personnel or objects",
    ),
    (
        "RS-8-2-e-iv",
        "Attacking buildings dedicated to religion, education, art, science or charity, "
        "historic monuments or hospitals",
    ),
    ("RS-8-2-e-v", "Pillaging a town or place"),
    (
        "RS-8-2-e-vi",
        "Rape, sexual slavery, enforced prostitution, forced pregnancy, enforced "
        "sterilization or other sexual violence",
    ),
    (
        "RS-8-2-e-vii",
        "Conscripting or enlisting children under fifteen or using them in hostilities",
    ),
    ("RS-8-2-e-viii", "Ordering the displacement of the civilian population"),
    ("RS-8-2-e-ix", "Killing or wounding treacherously a combatant adversary"),
    ("RS-8-2-e-x", "Declaring that no quarter will be given"),
    ("RS-8-2-e-xi", "Physical mutilation or medical or scientific experiments"),
    ("RS-8-2-e-xii", "Destroying or seizing the property of an adversary"),
    (
        "RS-8-2-e-xix",
        "Starvation of civilians as a method of warfare, including impeding relief supplies",
    ),
)

ACTS: dict[str, Act] = {code: Act(code, _article_ref(code), label) for code, label in _TABLE}


def is_act_code(code: str) -> bool:
    """True if ``code`` is a known act code (exact, case-sensitive)."""
    return code in ACTS


def search_acts(text: str) -> list[Act]:
    """Acts whose code, article reference or label contains ``text`` (case-insensitive).

    An empty or blank query returns every act, in table order (for the GUI picker).
    """
    needle = text.strip().casefold()
    return [
        act
        for act in ACTS.values()
        if needle in act.code.casefold()
        or needle in act.article_ref.casefold()
        or needle in act.label.casefold()
    ]
