"""The review's actions: the work of each page, between the pages and the store.

No Dash here. Each action takes the store and the acting user, runs as one store
transaction where it changes state, and returns frozen dataclasses; a page only unpacks its
inputs, calls an action and maps the result to its outputs. Long work (reading a file) runs
before the transaction, never inside it.
"""
