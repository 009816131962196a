/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bin/flywheel (src/launcher.c) decides from FW_CLI_WORDS alone whether to run the
 * command line; fw-cli.c keeps the verbs. The two lists must name the same verbs. */

#include "config.h"

#include "fw-cli.h"
#include "fw-cli-words.h"

static gboolean
is_verb (const char *word)
{
  const FwCliVerb *verbs;
  guint n;

  verbs = fw_cli_get_verbs (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (verbs[i].name, word))
      return TRUE;
  return FALSE;
}

static void
test_every_verb_is_a_word (void)
{
  const FwCliVerb *verbs;
  guint n;

  verbs = fw_cli_get_verbs (&n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    if (!fw_cli_handles (verbs[i].name))
      g_error ("the verb “%s” is not in FW_CLI_WORDS: flywheel %s would open the window",
               verbs[i].name, verbs[i].name);
}

static void
test_every_word_is_a_verb (void)
{
  static const char * const words[] = { FW_CLI_WORDS };
  static const char * const general[] = { "help", "--help", "-h", "--version" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gboolean is_general = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (general); j++)
        is_general |= g_str_equal (words[i], general[j]);
      if (!is_general && !is_verb (words[i]))
        g_error ("FW_CLI_WORDS has “%s”, which no verb answers to", words[i]);
    }
  /* Anything else, a file to open for one, goes to the window. */
  g_assert_false (fw_cli_handles ("plan.flywheel"));
  g_assert_false (fw_cli_handles ("--gapplication-service"));
  g_assert_false (fw_cli_handles (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-words/every-verb-is-a-word", test_every_verb_is_a_word);
  g_test_add_func ("/cli-words/every-word-is-a-verb", test_every_word_is_a_verb);
  return g_test_run ();
}
