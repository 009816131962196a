/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* The benchmarks make the large workbook when they first need it, not every build:
 * argv[1..4] are BIG.flywheel MAKE-BIG SAMPLE-EN SAMPLE-JA. */
static inline const char *
big_workbook_ensure (char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *cmd[] = { argv[2], argv[3], argv[4], argv[1], NULL };

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    return argv[1];
  if (!g_spawn_sync (NULL, (char **) cmd, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, NULL,
                     &error) && error != NULL)
    g_error ("%s", error->message);
  g_assert_true (g_file_test (argv[1], G_FILE_TEST_EXISTS));
  return argv[1];
}
