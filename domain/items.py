"""Which aggregate class holds each kind of item."""

from domain.action import Action
from domain.blocker import Blocker
from domain.decision import Decision
from domain.item import Item
from domain.note import Note
from domain.ritual import Ritual
from domain.workstream import Workstream

ITEM_TYPES: dict[str, type[Item]] = {
    "workstream": Workstream,
    "decision": Decision,
    "blocker": Blocker,
    "ritual": Ritual,
    "action": Action,
    "note": Note,
}
