/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core and command-line code include this instead of <glib/gi18n-lib.h>: the same
 * macros (and the same xgettext keywords), answered in the language pushed on the
 * calling thread (fw_i18n_push_language()), so a report rendering on a worker
 * thread in Japanese never mixes with an English one rendering beside it. */

#include <string.h>

#include "fw-i18n.h"

#define _(String)               fw_i18n_gettext (String)
#define N_(String)              (String)
#define C_(Context, String)     fw_i18n_pgettext (Context "\004" String, strlen (Context) + 1)
#define NC_(Context, String)    (String)
#define ngettext(Msgid, Plural, N) fw_i18n_ngettext (Msgid, Plural, N)
