/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The first arguments that make `flywheel` run the command line rather than
 * the GUI: the verbs and the general options. Plain C, no GLib: the launcher
 * (src/launcher.c) reads it before any library is loaded. fw-cli.c keeps a
 * verb table with the same names; tests/test-cli-words.c checks the two agree. */
#define FW_CLI_WORDS \
  "validate", "import", "convert", "export", "report", "triage", "collect", \
  "diff", "show", "merge", \
  "help", "--help", "-h", "--version"
