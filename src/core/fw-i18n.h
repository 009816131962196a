/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds the message catalogue: the
 * build tree's when the program runs from it, the installed one otherwise. */
void         fw_i18n_init          (void);

/* Switches translated messages to @lang ("en", "ja", …) from now on, e.g. for an
 * export in a language other than the UI's. NULL or "" restores the environment's. */
void         fw_i18n_use_language  (const char *lang);

/* The languages Flywheel speaks, NULL-terminated: "en", then po/LINGUAS. The
 * command line's --lang and the language setting accept these and no other. */
const char * const *fw_i18n_get_languages (void);
gboolean     fw_i18n_is_language   (const char *lang);

/* The language messages come in now: "ja" or "en". */
const char  *fw_i18n_current_language (void);

G_END_DECLS
