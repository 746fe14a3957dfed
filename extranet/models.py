"""The members' space: accounts, memberships, news, documents, governance (to come)."""
