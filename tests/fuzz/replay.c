/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include <glib.h>

/* Runs a fuzz harness on every file of a corpus directory without libFuzzer, so the
 * inputs that once crashed (and the seeds) are checked by every `meson test`. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *corpus_dir;

static void
test_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (corpus_dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* A directory that lost its files would otherwise pass. */
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (corpus_dir, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_test_message ("%s", (const char *) names->pdata[i]);
      g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
    }
  g_test_message ("%u inputs replayed", names->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("usage: %s CORPUS-DIR\n", argv[0]);
      return 2;
    }
  corpus_dir = argv[1];
  g_test_add_func ("/fuzz/replay", test_corpus);
  return g_test_run ();
}
