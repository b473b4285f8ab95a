{{%AUTOESCAPE context="HTML"}}{{! A list of stories: all (paged), or per thema, doelgroep or kern. }}<h1>{{TITEL}}</h1>
{{#INTRO}}<p class="inleiding">{{INTRO}}</p>{{/INTRO}}
<div class="kaarten">
{{#STORY}}{{>CARD}}{{/STORY}}</div>
{{#PAGING}}<nav class="bladeren" aria-label="Pagina's">
  {{#PREV}}<a href="{{URL}}" rel="prev">Nieuwere verhalen</a>{{/PREV}}
  <span>Pagina {{PAGE}} van {{PAGES}}</span>
  {{#NEXT}}<a href="{{URL}}" rel="next">Oudere verhalen</a>{{/NEXT}}
</nav>{{/PAGING}}
{{#FACETS}}<section class="blok facetten" aria-labelledby="facet-titel">
  <h2 id="facet-titel">Verhalen zoeken</h2>
{{#GROUP}}  <h3>{{LABEL}}</h3>
  <ul class="labels">{{#VALUE}}<li><a href="{{URL}}">{{LABEL}}</a></li>{{/VALUE}}</ul>
{{/GROUP}}</section>{{/FACETS}}
