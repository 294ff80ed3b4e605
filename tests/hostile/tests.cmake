# DESIGN §12, hostile: the tests of this folder, registered by tests/CMakeLists.txt.
# Names in terminal tables: line breaks and escapes never reach the terminal.
target_sources(kindly_tests PRIVATE hostile/TableTextTest.cpp)

