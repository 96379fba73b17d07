"""The API's namespaces, one module each (sync and async class of one namespace).

Modules are imported by the client on first use of ``client.<namespace>``, not here, so that
``import runrl`` stays fast.
"""
