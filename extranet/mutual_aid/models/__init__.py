from extranet.mutual_aid.models.conversations import MESSAGE_MAX_LENGTH, Conversation, Message
from extranet.mutual_aid.models.pages import MutualAidPage
from extranet.mutual_aid.models.posts import Category, Kind, Post, Status

__all__ = ["MESSAGE_MAX_LENGTH", "Category", "Conversation", "Kind", "Message",
           "MutualAidPage", "Post", "Status"]
