# DESIGN §12, badinput: the tests of this folder, registered by tests/CMakeLists.txt.
