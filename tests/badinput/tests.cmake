# DESIGN §12, badinput: the tests of this folder, registered by tests/CMakeLists.txt.

# The reader on damaged text: stray NUL bytes, UTF-16 without a byte-order mark.
target_sources(kindly_tests PRIVATE badinput/DamagedTextTest.cpp)
