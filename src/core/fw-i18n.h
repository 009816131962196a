/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Start-up only: sets the locale from the environment and binds the message
 * catalogue, the build tree's when the program runs from it, the installed one
 * otherwise. @lang ("en", "ja", … or NULL for the environment's) is the language
 * chosen in Preferences; it becomes the process's LANGUAGE before anything is
 * translated, so the interface comes in it. Nothing changes the locale later. */
void         fw_i18n_init          (void);
void         fw_i18n_init_with_language (const char *lang);

/* The language of the messages translated on this thread, until the matching
 * pop: exports, the report and Markdown in a language other than the interface's.
 * Scopes nest; NULL or "" means the interface's. Other threads are not affected. */
void         fw_i18n_push_language (const char *lang);
void         fw_i18n_pop_language  (void);
/* The innermost language pushed on this thread, or NULL (the interface's). */
const char  *fw_i18n_get_thread_language (void);

/* A pushed language as a value g_autoptr() pops at the end of the scope:
 *   g_autoptr(FwI18nScope) scope = fw_i18n_scope_push (lang); */
typedef struct _FwI18nScope FwI18nScope;
FwI18nScope *fw_i18n_scope_push    (const char *lang);
void         fw_i18n_scope_pop     (FwI18nScope *scope);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwI18nScope, fw_i18n_scope_pop)

/* What core code's _(), C_() and ngettext() call (src/core/fw-gettext.h): the
 * thread's language from Flywheel's own reading of the catalogue, or the
 * interface's through gettext when none is pushed. */
const char  *fw_i18n_gettext       (const char *msgid) G_GNUC_FORMAT (1);
/* @msgctxtid is "context\004msgid"; @msgidoffset the length of "context\004". */
const char  *fw_i18n_pgettext      (const char *msgctxtid,
                                    gsize       msgidoffset) G_GNUC_FORMAT (1);
const char  *fw_i18n_pgettext2     (const char *context,
                                    const char *msgid) G_GNUC_FORMAT (2);
const char  *fw_i18n_ngettext      (const char *msgid,
                                    const char *msgid_plural,
                                    gulong      n) G_GNUC_FORMAT (2);

/* The languages Flywheel speaks, NULL-terminated: "en", then po/LINGUAS. The
 * command line's --lang and the language setting accept these and no other. */
const char * const *fw_i18n_get_languages (void);
gboolean     fw_i18n_is_language   (const char *lang);

/* The language messages come in now on this thread: "ja" or "en". */
const char  *fw_i18n_current_language (void);

G_END_DECLS
