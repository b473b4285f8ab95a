// render_tpl.cc: the C API of render_tpl.h over ctemplate. Kept small on
// purpose: the rest of zamen is C.
#include "render_tpl.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <ctemplate/template_emitter.h>

#include <fcntl.h>
#include <mutex>
#include <string.h>
#include <string>
#include <unistd.h>
#include <unordered_map>

struct tpl_set {
	ctemplate::TemplateCache cache;
	GHashTable *names; // file names that loaded
};

// A C handle on a ctemplate dictionary. Only the top level owns its
// ctemplate dictionary (which owns its sections and includes); the handles
// of children are kept by the top level and freed with it.
struct tpl_dict {
	ctemplate::TemplateDictionary *dict;
	struct tpl_dict *root;
	GPtrArray *children; // top level only
};

namespace
{

class GStringEmitter : public ctemplate::ExpandEmitter
{
      public:
	explicit GStringEmitter(GString *out) : out_(out)
	{
	}
	void Emit(char c) override
	{
		g_string_append_c(out_, c);
	}
	void Emit(const std::string &s) override
	{
		g_string_append_len(out_, s.data(), (gssize)s.size());
	}
	void Emit(const char *s) override
	{
		g_string_append(out_, s);
	}
	void Emit(const char *s, size_t len) override
	{
		g_string_append_len(out_, s, (gssize)len);
	}

      private:
	GString *out_;
};

// ctemplate writes its complaints to stderr; we catch them to put them in
// a Dutch message that names the layout.
class StderrCapture
{
      public:
	StderrCapture()
	{
		fflush(stderr);
		saved_ = dup(2);
		char path[] = "/tmp/zamen-tpl-XXXXXX";
		fd_ = mkstemp(path);
		if (fd_ >= 0) {
			unlink(path);
			dup2(fd_, 2);
		}
	}
	std::string Finish()
	{
		std::string text;
		fflush(stderr);
		if (saved_ >= 0) {
			dup2(saved_, 2);
			close(saved_);
			saved_ = -1;
		}
		if (fd_ >= 0) {
			char buf[4096];
			lseek(fd_, 0, SEEK_SET);
			ssize_t n;
			while ((n = read(fd_, buf, sizeof buf)) > 0)
				text.append(buf, (size_t)n);
			close(fd_);
			fd_ = -1;
		}
		return text;
	}
	~StderrCapture()
	{
		Finish();
	}

      private:
	int saved_ = -1;
	int fd_ = -1;
};

// The first thing in a layout, after ctemplate comments, must be the
// AUTOESCAPE pragma.
bool starts_with_autoescape(const char *text)
{
	const char *p = text;
	for (;;) {
		while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
			p++;
		if (!strncmp(p, "{{!", 3)) {
			const char *end = strstr(p, "}}");
			if (!end)
				return false;
			p = end + 2;
			continue;
		}
		return !strncmp(p, "{{%AUTOESCAPE", 13);
	}
}

// ctemplate's message, trimmed to its last meaningful line.
std::string last_line(const std::string &s)
{
	std::string t = s;
	while (!t.empty() && (t.back() == '\n' || t.back() == ' '))
		t.pop_back();
	size_t nl = t.rfind('\n');
	return nl == std::string::npos ? t : t.substr(nl + 1);
}

struct diag_pos at(const char *file, int line)
{
	struct diag_pos p = {file, line, line ? 1 : 0};
	return p;
}

} // namespace

extern "C" struct tpl_set *tpl_load(const char *dir, const char *report_dir,
                                    struct diags *d)
{
	struct tpl_set *t = new struct tpl_set();
	t->names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	t->cache.SetTemplateRootDirectory(dir);
	bool ok = true;

	GDir *gd = g_dir_open(dir, 0, NULL);
	if (!gd) {
		diag_error(d, at(report_dir, 0),
		           "de map met layouts kan niet gelezen worden");
		tpl_free(t);
		return NULL;
	}
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	while ((name = g_dir_read_name(gd)))
		if (g_str_has_suffix(name, ".tpl"))
			g_ptr_array_add(files, g_strdup(name));
	g_dir_close(gd);
	g_ptr_array_sort(files, [](gconstpointer a, gconstpointer b) {
		return strcmp(*(char *const *)a, *(char *const *)b);
	});

	for (guint i = 0; i < files->len; i++) {
		const char *file = (const char *)files->pdata[i];
		char *report = g_build_filename(report_dir, file, NULL);
		char *path = g_build_filename(dir, file, NULL);
		gchar *text = NULL;
		if (!g_file_get_contents(path, &text, NULL, NULL)) {
			diag_error(d, at(report, 0),
			           "layout kan niet gelezen worden");
			ok = false;
		} else if (!starts_with_autoescape(text)) {
			diag_error(d, at(report, 1),
			           "elke layout begint met een AUTOESCAPE-"
			           "pragma, zoals {{%%AUTOESCAPE "
			           "context=\"HTML\"}}, zodat elke waarde "
			           "veilig ontsnapt wordt");
			ok = false;
		} else {
			StderrCapture capture;
			bool loaded = t->cache.LoadTemplate(
			    file, ctemplate::DO_NOT_STRIP);
			std::string said = capture.Finish();
			if (!loaded) {
				diag_error(d, at(report, 0),
				           "layout is ongeldig (ctemplate: %s)",
				           said.empty()
				               ? "geen uitleg"
				               : last_line(said).c_str());
				ok = false;
			} else {
				g_hash_table_add(t->names, g_strdup(file));
			}
		}
		g_free(text);
		g_free(path);
		g_free(report);
	}
	g_ptr_array_free(files, TRUE);
	if (!ok) {
		tpl_free(t);
		return NULL;
	}
	t->cache.Freeze();
	return t;
}

extern "C" void tpl_free(struct tpl_set *t)
{
	if (!t)
		return;
	g_hash_table_destroy(t->names);
	delete t;
}

extern "C" bool tpl_has(const struct tpl_set *t, const char *name)
{
	return g_hash_table_contains(t->names, name);
}

extern "C" struct tpl_dict *tpl_dict_new(void)
{
	struct tpl_dict *d = new struct tpl_dict();
	d->dict = new ctemplate::TemplateDictionary("zamen");
	d->root = d;
	d->children = g_ptr_array_new();
	return d;
}

static struct tpl_dict *child(struct tpl_dict *parent,
                              ctemplate::TemplateDictionary *c)
{
	struct tpl_dict *h = new struct tpl_dict();
	h->dict = c;
	h->root = parent->root;
	h->children = NULL;
	g_ptr_array_add(h->root->children, h);
	return h;
}

extern "C" void tpl_dict_free(struct tpl_dict *d)
{
	if (!d)
		return;
	for (guint i = 0; i < d->children->len; i++)
		delete (struct tpl_dict *)d->children->pdata[i];
	g_ptr_array_free(d->children, TRUE);
	delete d->dict;
	delete d;
}

// The text of every key made into a StaticTemplateString, for the whole
// run: ctemplate's global table may keep pointing at it after the thread
// that made it has ended. Kept here, it stays reachable to the end. (A
// std::mutex, not a GMutex: ThreadSanitizer cannot see GLib's futexes.)
static std::mutex key_texts_lock;
static GPtrArray *key_texts;

static const char *key_text(const char *key)
{
	char *text = g_strdup(key);
	std::lock_guard<std::mutex> hold(key_texts_lock);
	if (!key_texts)
		key_texts = g_ptr_array_new();
	g_ptr_array_add(key_texts, text);
	return text;
}

// The key of a value or section as ctemplate wants it. A plain string key
// makes ctemplate look it up in a global table under a lock on every use
// (TemplateDictionary::AddToIdToNameMap); with several render threads that
// lock cost more than the values themselves. A StaticTemplateString carries
// its id and skips the table, so each thread keeps one per key and the lock
// is taken once per key and thread. Keyed by the pointer (the keys are
// string literals) and checked by content: a key built at run time that
// reuses a pointer takes the plain, slower way.
static ctemplate::TemplateString key_of(const char *key)
{
	thread_local std::unordered_map<const char *,
	                                ctemplate::StaticTemplateString>
	    keys;
	auto it = keys.find(key);
	if (it != keys.end())
		return strcmp(it->second.do_not_use_directly_.ptr_, key)
		           ? ctemplate::TemplateString(key)
		           : ctemplate::TemplateString(it->second);
	ctemplate::StaticTemplateString &sts = keys[key];
	sts = ctemplate::StaticTemplateString{
	    {key_text(key), strlen(key), ctemplate::kIllegalTemplateId}};
	ctemplate::StaticTemplateStringInitializer init(&sts);
	return ctemplate::TemplateString(sts);
}

extern "C" void tpl_set(struct tpl_dict *d, const char *key, const char *value)
{
	if (value)
		d->dict->SetValue(key_of(key), value);
}

extern "C" void tpl_set_int(struct tpl_dict *d, const char *key, long value)
{
	d->dict->SetIntValue(key_of(key), value);
}

extern "C" void tpl_show(struct tpl_dict *d, const char *name)
{
	d->dict->ShowSection(key_of(name));
}

extern "C" struct tpl_dict *tpl_add_section(struct tpl_dict *d,
                                            const char *name)
{
	return child(d, d->dict->AddSectionDictionary(key_of(name)));
}

extern "C" struct tpl_dict *tpl_add_include(struct tpl_dict *d,
                                            const char *name, const char *file)
{
	ctemplate::TemplateDictionary *c =
	    d->dict->AddIncludeDictionary(key_of(name));
	c->SetFilename(file);
	return child(d, c);
}

extern "C" bool tpl_expand(const struct tpl_set *t, const char *file,
                           const struct tpl_dict *d, GString *out)
{
	GStringEmitter emitter(out);
	return t->cache.ExpandNoLoad(file, ctemplate::DO_NOT_STRIP, d->dict,
	                             NULL, &emitter);
}
