/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FW_TYPE_PREFERENCES_WINDOW (fw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FwPreferencesWindow, fw_preferences_window, FW, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *fw_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
