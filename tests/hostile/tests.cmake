# DESIGN §12, hostile: the tests of this folder, registered by tests/CMakeLists.txt.
