/* SPDX-License-Identifier: GPL-3.0-or-later */

/* flywheel-gui: the application window; bin/flywheel (src/launcher.c) runs it
 * for anything that is not a command-line verb. */

#include "config.h"

#include <unistd.h>

#include "fw-application.h"
#include "fw-i18n.h"

/* The language chosen in Preferences wins over the environment's. */
static char *
get_language_preference (void)
{
  g_autoptr(GSettings) settings = fw_settings_new ();

  if (settings == NULL)
    return NULL;
  return g_settings_get_string (settings, "language");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(FwApplication) app = NULL;
  g_auto(GStrv) restart = NULL;
  g_autofree char *language = get_language_preference ();
  int status;

  fw_i18n_init_with_language (language);
  app = fw_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  restart = fw_application_steal_restart_argv (app);
  if (restart)
    {
      /* Unregister from the bus first, so the new instance becomes the primary one. */
      g_clear_object (&app);
      execv (restart[0], restart);
      g_printerr ("flywheel: could not restart: %s\n", g_strerror (errno));
    }
  return status;
}
