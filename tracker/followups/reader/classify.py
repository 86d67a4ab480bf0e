"""What kind of mail a message is: a rejection, an invitation, an offer, other job mail."""

from tracker.followups.reader.types import Classification, Message


def classify(message: Message) -> Classification:
    raise NotImplementedError("being written by helper E")
