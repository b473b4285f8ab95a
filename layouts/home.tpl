{{%AUTOESCAPE context="HTML"}}{{! The home page. }}<h1 class="verborgen">{{SITE_TITLE}}</h1>
<p class="welkom">Hier vindt u wat u deze week samen met anderen kunt doen, en verhalen van mensen uit de buurt.</p>
{{#JOURNAAL}}<section class="blok journaal-blok" aria-labelledby="journaal-titel">
  <h2 id="journaal-titel">{{NAAM}} van {{DATUM}}</h2>
  {{#VERHAAL}}<article class="uitgelicht">
    <h3><a href="{{URL}}">{{TITEL}}</a></h3>
    <p>{{SAMENVATTING}}</p>
  </article>{{/VERHAAL}}
  <p><a class="knop" href="{{URL}}">Lees het Journaal van deze week</a></p>
</section>{{/JOURNAAL}}
<section class="blok" aria-labelledby="week-titel">
  <h2 id="week-titel">Doe mee: de komende zeven dagen</h2>
  {{>AGENDA}}
  <p><a class="knop" href="{{ROOT}}activiteiten/">Alle activiteiten</a></p>
</section>
<section class="blok" aria-labelledby="verhalen-titel">
  <h2 id="verhalen-titel">Verhalen</h2>
  <div class="kaarten">
{{#STORY}}{{>CARD}}{{/STORY}}  </div>
  <p><a class="knop" href="{{ROOT}}verhalen/">Alle verhalen</a></p>
</section>
