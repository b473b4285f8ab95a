{{%AUTOESCAPE context="HTML"}}{{! All partners, grouped by sector. }}<h1>Partners</h1>
<p class="inleiding">{{INTRO}}</p>
{{#SECTOR}}<section class="blok" aria-labelledby="sector-{{ID}}">
  <h2 id="sector-{{ID}}">{{LABEL}}</h2>
  <ul class="lijst">{{#PARTNER}}<li><a href="{{URL}}">{{NAAM}}</a></li>{{/PARTNER}}</ul>
</section>
{{/SECTOR}}
