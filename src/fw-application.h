/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FW_TYPE_APPLICATION (fw_application_get_type ())
G_DECLARE_FINAL_TYPE (FwApplication, fw_application, FW, APPLICATION, AdwApplication)

FwApplication *fw_application_new          (void);
GSettings     *fw_application_get_settings (FwApplication *self);
GSettings     *fw_settings_new             (void);
/* After g_application_run(): the command line to start again with, or NULL. */
char         **fw_application_steal_restart_argv (FwApplication *self);

G_END_DECLS
