# DESIGN §12, hostile: the tests of this folder, registered by tests/CMakeLists.txt.
# Names in terminal tables: line breaks and escapes never reach the terminal.
target_sources(kindly_tests PRIVATE hostile/TableTextTest.cpp hostile/TerminalTextTest.cpp
                                    ${CMAKE_SOURCE_DIR}/src/cli/TerminalText.cpp)

# Hostile text in an export, through import, drafts, send, the workbook, CSV and JSON.
add_test(NAME hostile.text
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/hostile/hostile_text.py
                 $<TARGET_FILE:kindly>)

# Symbolic links planted where the report's temporary files used to be named from the pid.
add_test(NAME hostile.plantedLinks
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/hostile/planted_links.py
                 $<TARGET_FILE:kindly>)

# Escapes and line breaks of an export on a real (pseudo-)terminal, and printed commands.
add_test(NAME hostile.terminalLines
         COMMAND Python3::Interpreter ${CMAKE_CURRENT_SOURCE_DIR}/hostile/terminal_lines.py
                 $<TARGET_FILE:kindly>)
