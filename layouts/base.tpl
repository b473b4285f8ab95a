{{%AUTOESCAPE context="HTML"}}{{!
  The frame of every page. CONTENT is the page's own layout (an include:
  it sees only the values given to it). ROOT leads back to the site root
  from this page, so the site works from any folder of any host.
  VOORBEELD is shown in a preview (drafts, a later day): a banner on
  every page, and no search engine may index it.
}}<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{#VOORBEELD}}<meta name="robots" content="noindex">
{{/VOORBEELD}}<title>{{TITLE}}{{#WITH_SITE_TITLE}} · {{SITE_TITLE}}{{/WITH_SITE_TITLE}}</title>
<meta name="description" content="{{DESCRIPTION}}">
{{#CANONICAL}}<link rel="canonical" href="{{URL}}">
<meta property="og:url" content="{{URL}}">
{{/CANONICAL}}<meta property="og:title" content="{{TITLE}}">
<meta property="og:description" content="{{DESCRIPTION}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:site_name" content="{{SITE_TITLE}}">
<meta property="og:locale" content="nl_NL">
{{#OG_IMAGE}}<meta property="og:image" content="{{URL}}">
<meta property="og:image:type" content="image/jpeg">
<meta property="og:image:width" content="{{WIDTH}}">
<meta property="og:image:height" content="{{HEIGHT}}">
<meta property="og:image:alt" content="{{ALT}}">
{{/OG_IMAGE}}<link rel="stylesheet" href="{{ROOT}}assets/zamen.css">
<link rel="icon" href="{{ROOT}}favicon.ico" sizes="32x32">
<link rel="icon" href="{{ROOT}}assets/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="{{SITE_TITLE}}: verhalen en Journaal" href="{{ROOT}}feed.xml">
</head>
<body>
{{#VOORBEELD}}<aside class="voorbeeld" aria-label="Voorbeeld"><p><strong>Voorbeeld — niet publiceren.</strong> Deze pagina laat ook concepten zien, of wat pas later verschijnt.</p></aside>
{{/VOORBEELD}}<a class="overslaan" href="#inhoud">Direct naar de inhoud</a>
<header class="kop">
  <div class="kop-binnen">
    <a class="merk" href="{{ROOT_HOME}}"{{#AT_HOME}} aria-current="page"{{/AT_HOME}}>
      <span class="merk-naam">{{SITE_TITLE}}</span>
      <span class="merk-ondertitel">{{SITE_SUBTITLE}}</span>
    </a>
    <nav class="menu" aria-label="Hoofdmenu">
      <ul>
{{#MENU}}        <li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/MENU}}      </ul>
    </nav>
  </div>
</header>
<main id="inhoud" tabindex="-1">
{{>CONTENT}}
</main>
{{>CONTACT}}
<footer class="voet">
  <div class="voet-binnen">
    <p>{{SITE_TITLE}}: {{SITE_SUBTITLE}}.</p>
    <p><a href="{{ROOT}}feed.xml">Nieuwe verhalen volgen (feed)</a> · <a href="{{ROOT}}kalender/activiteiten.ics">Alle activiteiten in uw agenda</a></p>
  </div>
</footer>
</body>
</html>
