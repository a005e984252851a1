# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

# Writes a gzipped man page for a Photopeak executable from its own --help output (and, for photopeak-cli,
# from every command's --help), so the manual can never disagree with the program.
# cmake -DEXE=<path> -DNAME=<name> -DSUMMARY=<text> -DVERSION=<v> -DOUT=<file.1.gz> [-DCOMMANDS=ON] -P ManPage.cmake
set(ENV{QT_QPA_PLATFORM} offscreen)

function(escape_troff text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND "${EXE}" --help OUTPUT_VARIABLE help ERROR_VARIABLE help_err RESULT_VARIABLE rc)
if(help STREQUAL "")
  set(help "${help_err}")
endif()
if(help STREQUAL "")
  message(FATAL_ERROR "${EXE} --help printed nothing (exit ${rc})")
endif()
string(REPLACE "${EXE}" "${NAME}" help "${help}")
escape_troff("${help}" help)
string(TOUPPER "${NAME}" upper)
set(page ".TH ${upper} 1 \"\" \"${NAME} ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\n${NAME} \\- ${SUMMARY}\n")
string(APPEND page ".SH DESCRIPTION\n.nf\n${help}\n.fi\n")

if(COMMANDS)
  string(APPEND page ".SH COMMANDS\n")
  string(REGEX MATCHALL "\n  [a-z][a-z-]+  " lines "${help}")
  foreach(line ${lines})
    string(STRIP "${line}" command)
    execute_process(COMMAND "${EXE}" ${command} --help OUTPUT_VARIABLE chelp ERROR_VARIABLE cerr)
    if(chelp STREQUAL "")
      set(chelp "${cerr}")
    endif()
    string(REPLACE "${EXE}" "${NAME}" chelp "${chelp}")
    escape_troff("${chelp}" chelp)
    string(APPEND page ".SS ${command}\n.nf\n${chelp}\n.fi\n")
  endforeach()
endif()
string(APPEND page ".SH SEE ALSO\nThe manual in /usr/share/doc/photopeak and the Help menu of photopeak.\n")
string(APPEND page ".SH COPYRIGHT\nCopyright the Photopeak developers. License GPL-3.0-or-later.\n")

get_filename_component(dir "${OUT}" DIRECTORY)
string(REGEX REPLACE "\\.gz$" "" plain "${OUT}")
file(WRITE "${plain}" "${page}")
execute_process(COMMAND gzip -9nf "${plain}" RESULT_VARIABLE gzrc)
if(NOT gzrc EQUAL 0)
  message(FATAL_ERROR "gzip failed on ${plain}")
endif()
