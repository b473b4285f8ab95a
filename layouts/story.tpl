{{%AUTOESCAPE context="HTML"}}{{! One ervaringsverhaal. }}<article class="verhaal">
  <header class="artikel-kop">
    <p class="bovenregel"><a href="{{ROOT}}verhalen/">Verhalen</a></p>
    <h1>{{TITEL}}</h1>
    <p class="meta"><time datetime="{{DATUM_ISO}}">{{DATUM}}</time>{{#AUTEUR}} · {{AUTEUR}}{{/AUTEUR}}{{#KERN}} · <a href="{{KERN_URL}}">{{KERN}}</a>{{/KERN}}</p>
  </header>
  {{#FOTO}}<figure class="foto">
    <picture><source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}"><img src="{{SRC}}" srcset="{{SRCSET}}" sizes="{{SIZES}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}"></picture>
    {{#ONDERSCHRIFT}}<figcaption>{{#BIJSCHRIFT}}{{BIJSCHRIFT}}{{/BIJSCHRIFT}}{{#CREDIT}} <span class="credit">Foto: {{CREDIT}}</span>{{/CREDIT}}</figcaption>{{/ONDERSCHRIFT}}
  </figure>{{/FOTO}}
  {{#INTRO}}<p class="intro">{{INTRO}}</p>{{/INTRO}}
  <div class="tekst">
{{BODY:none}}
  </div>
  {{#TAGS}}<footer class="tags">
    <h2 class="verborgen">Onderwerpen</h2>
    <ul>{{#TAG}}<li><a href="{{URL}}">{{LABEL}}</a></li>{{/TAG}}</ul>
  </footer>{{/TAGS}}
</article>
{{#RELATED}}<section class="blok" aria-labelledby="meer-titel">
  <h2 id="meer-titel">Meer verhalen over dit onderwerp</h2>
  <div class="kaarten">
{{#STORY}}{{>CARD}}{{/STORY}}  </div>
</section>{{/RELATED}}
