/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A verb: argv[0] is the verb's name. Returns the process exit status. */
typedef int (*FwCliVerbFunc) (int    argc,
                              char **argv);

typedef struct
{
  const char    *name;
  const char    *parameters;  /* for --help, e.g. "FILE" */
  const char    *summary;     /* translatable, N_() */
  FwCliVerbFunc  run;
} FwCliVerb;

/* TRUE when @arg is one of FW_CLI_WORDS, the words for which bin/flywheel runs
 * the command line instead of the GUI (the launcher reads the list itself;
 * tests/test-cli-words.c checks it against the verbs). */
gboolean     fw_cli_handles      (const char *arg);
const FwCliVerb *fw_cli_get_verbs (guint      *n_verbs);
int          fw_cli_run          (int         argc,
                                  char      **argv);

/* Helpers shared by the verbs. */
void         fw_cli_error        (const char *format,
                                  ...) G_GNUC_PRINTF (1, 2);
GOptionContext *fw_cli_option_context_new (const FwCliVerb *verb);
/* Adds @entries (may be NULL) to @context and parses the arguments, which must
 * leave exactly one input (argv[1]); otherwise says what is wrong (@one_input
 * when the count is) and returns FALSE: the verb then exits with status 2. */
gboolean     fw_cli_parse_args   (GOptionContext     *context,
                                  const GOptionEntry *entries,
                                  int                *argc,
                                  char             ***argv,
                                  const char         *one_input);
/* TRUE when @lang is one of fw_i18n_get_languages(); otherwise says so, listing
 * them (the verb then exits with status 2). NULL (not given) is fine. */
gboolean     fw_cli_check_language (const char *lang);
/* TRUE when @output ends in one of @extensions (".pdf", case-insensitively);
 * otherwise says which the verb writes (the verb then exits with status 2). */
gboolean     fw_cli_check_extension (const char         *verb,
                                     const char         *output,
                                     const char * const *extensions);
/* TRUE when @output can be a file to write: not a folder, in a folder that
 * exists. Otherwise says so, naming @output, so that nothing is drawn or read
 * for a file that cannot be written (the verb then exits with status 1). */
gboolean     fw_cli_check_output_folder (const char *output);

/* The verbs, each in its own file. */
int          fw_cli_validate     (int argc, char **argv);
int          fw_cli_import       (int argc, char **argv);
int          fw_cli_convert      (int argc, char **argv);
int          fw_cli_export       (int argc, char **argv);
int          fw_cli_report       (int argc, char **argv);
int          fw_cli_triage       (int argc, char **argv);
int          fw_cli_collect      (int argc, char **argv);
/* fw-cli-merge.c: versions of a workbook, for git. */
int          fw_cli_diff         (int argc, char **argv);
int          fw_cli_show         (int argc, char **argv);
int          fw_cli_merge        (int argc, char **argv);

G_END_DECLS
