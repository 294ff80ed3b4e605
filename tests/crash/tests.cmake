# DESIGN §12, crash: the tests of this folder, registered by tests/CMakeLists.txt.
