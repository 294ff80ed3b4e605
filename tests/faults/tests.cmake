# DESIGN §12, faults: the tests of this folder, registered by tests/CMakeLists.txt.
