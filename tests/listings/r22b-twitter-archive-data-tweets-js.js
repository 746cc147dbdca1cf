window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813316424302200151"
          ],
          "editableUntil" : "2024-07-16T21:55:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/6wOmCceIiY",
            "expanded_url" : "https://www.pravda.com.ua/news/2024/07/16/7466098/?utm_source=twitter",
            "display_url" : "pravda.com.ua/news/2024/07…",
            "indices" : [
              "76",
              "99"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "99"
      ],
      "favorite_count" : "27",
      "id_str" : "1813316424302200151",
      "truncated" : false,
      "retweet_count" : "11",
      "id" : "1813316424302200151",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 20:55:00 +0000 2024",
      "favorited" : false,
      "full_text" : "Сили оборони уразили російський ЗРК С-300 у Бєлгородській області — Генштаб https://t.co/6wOmCceIiY",
      "lang" : "uk"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813285512279022960"
          ],
          "editableUntil" : "2024-07-16T19:52:10.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/gD5mkbIywl",
            "expanded_url" : "https://www.epravda.com.ua/news/2024/07/16/716455/",
            "display_url" : "epravda.com.ua/news/2024/0…",
            "indices" : [
              "50",
              "73"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "73"
      ],
      "favorite_count" : "12",
      "id_str" : "1813285512279022960",
      "truncated" : false,
      "retweet_count" : "4",
      "id" : "1813285512279022960",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 18:52:10 +0000 2024",
      "favorited" : false,
      "full_text" : "НБУ погіршив прогноз інфляції на 2024 рік до 8,5% https://t.co/gD5mkbIywl",
      "lang" : "uk"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813239173611996131"
          ],
          "editableUntil" : "2024-07-16T16:48:02.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Xzd718mGpz",
            "expanded_url" : "https://twitter.com/ZelenskyyUa/status/1813270456123456789",
            "display_url" : "twitter.com/ZelenskyyUa/st…",
            "indices" : [
              "10",
              "33"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "33"
      ],
      "favorite_count" : "5",
      "id_str" : "1813239173611996131",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1813239173611996131",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 15:48:02 +0000 2024",
      "favorited" : false,
      "full_text" : "Важливо 👇 https://t.co/Xzd718mGpz",
      "lang" : "uk"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813204436386282497"
          ],
          "editableUntil" : "2024-07-16T14:30:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Суспільне Новини",
            "screen_name" : "Suspilne_news",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "1016248470385049600",
            "id" : "1016248470385049600"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/WR5HBffCwg",
            "expanded_url" : "https://suspilne.media/789533-zelenskij-zvilniv-komanduvacku-medicnih-sil-ostasenko/",
            "display_url" : "suspilne.media/789533-zele…",
            "indices" : [
              "82",
              "105"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "105"
      ],
      "favorite_count" : "0",
      "id_str" : "1813204436386282497",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1813204436386282497",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 13:30:00 +0000 2024",
      "favorited" : false,
      "full_text" : "RT @Suspilne_news: Зеленський звільнив командувачку Медичних сил Тетяну Остащенко https://t.co/WR5HBffCwg",
      "lang" : "uk"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813183678774728144"
          ],
          "editableUntil" : "2024-07-16T13:07:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/KxzLbtKMJI",
            "expanded_url" : "https://kyivindependent.com/russian-glide-bomb-attack-on-kharkiv-injures-17/?utm_source=twitter&utm_medium=social&utm_campaign=digest",
            "display_url" : "kyivindependent.com/russia…",
            "indices" : [
              "73",
              "96"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "64",
      "id_str" : "1813183678774728144",
      "truncated" : false,
      "retweet_count" : "30",
      "id" : "1813183678774728144",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 12:07:31 +0000 2024",
      "favorited" : false,
      "full_text" : "⚡️ Russian glide bomb attack on Kharkiv injures 17, including 2 children https://t.co/KxzLbtKMJI",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813173415311812972"
          ],
          "editableUntil" : "2024-07-16T12:26:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Олена К.",
            "screen_name" : "olena_kov",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "1320098472210644993",
            "id" : "1320098472210644993"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "41"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1813061684160474682",
      "in_reply_to_status_id" : "1813061684160474682",
      "id_str" : "1813173415311812972",
      "in_reply_to_user_id" : "1320098472210644993",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1813173415311812972",
      "in_reply_to_screen_name" : "olena_kov",
      "created_at" : "Tue Jul 16 11:26:44 +0000 2024",
      "favorited" : false,
      "full_text" : "@olena_kov Дякуємо, виправили посилання 🙏",
      "lang" : "uk",
      "in_reply_to_user_id_str" : "1320098472210644993"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813140263531716924"
          ],
          "editableUntil" : "2024-07-16T10:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/digest_ua_news/status/1813140263531716924/photo/1",
            "indices" : [
              "45",
              "68"
            ],
            "url" : "https://t.co/A7qGsH4AzQ",
            "media_url" : "http://pbs.twimg.com/media/GSk2vQbXcAAm7Rt.jpg",
            "id_str" : "1813140263531716907",
            "id" : "1813140263531716907",
            "media_url_https" : "https://pbs.twimg.com/media/GSk2vQbXcAAm7Rt.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/A7qGsH4AzQ"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "68"
      ],
      "favorite_count" : "52",
      "id_str" : "1813140263531716924",
      "truncated" : false,
      "retweet_count" : "21",
      "id" : "1813140263531716924",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 09:15:00 +0000 2024",
      "favorited" : false,
      "full_text" : "Наслідки удару КАБами по Харкову. Фото: ДСНС https://t.co/A7qGsH4AzQ",
      "lang" : "uk",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/digest_ua_news/status/1813140263531716924/photo/1",
            "indices" : [
              "45",
              "68"
            ],
            "url" : "https://t.co/A7qGsH4AzQ",
            "media_url" : "http://pbs.twimg.com/media/GSk2vQbXcAAm7Rt.jpg",
            "id_str" : "1813140263531716907",
            "id" : "1813140263531716907",
            "media_url_https" : "https://pbs.twimg.com/media/GSk2vQbXcAAm7Rt.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "453",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "2048",
                "h" : "1365",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "800",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/A7qGsH4AzQ",
            "media_key" : "3_1813140263531716907"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813101294254175328"
          ],
          "editableUntil" : "2024-07-16T07:40:09.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ukrinform",
            "screen_name" : "UKRINFORM_News",
            "indices" : [
              "86",
              "101"
            ],
            "id_str" : "2248306142",
            "id" : "2248306142"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/r0rQSlBdvI",
            "expanded_url" : "https://www.ukrinform.net/rubric-ato/3888020-air-force-ukraine-downs-22-of-24-shaheds.html",
            "display_url" : "ukrinform.net/rubric-ato/3…",
            "indices" : [
              "58",
              "81"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "101"
      ],
      "favorite_count" : "7",
      "id_str" : "1813101294254175328",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1813101294254175328",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 06:40:09 +0000 2024",
      "favorited" : false,
      "full_text" : "Air Force: Ukraine downs 22 of 24 Shahed drones overnight https://t.co/r0rQSlBdvI via @UKRINFORM_News",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813062048150967419"
          ],
          "editableUntil" : "2024-07-16T05:04:12.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/SuNvql9zt5",
            "expanded_url" : "https://www.politico.eu/article/jd-vance-donald-trump-running-mate-ukraine-war-what-it-means/",
            "display_url" : "politico.eu/article/jd-van…",
            "indices" : [
              "68",
              "91"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "91"
      ],
      "favorite_count" : "9",
      "in_reply_to_status_id_str" : "1813061871991200676",
      "in_reply_to_status_id" : "1813061871991200676",
      "id_str" : "1813062048150967419",
      "in_reply_to_user_id" : "1498273561028411395",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1813062048150967419",
      "in_reply_to_screen_name" : "digest_ua_news",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 04:04:12 +0000 2024",
      "favorited" : false,
      "full_text" : "2. Q&amp;A: What JD Vance as Trump's running mate means for Ukraine https://t.co/SuNvql9zt5",
      "lang" : "en",
      "in_reply_to_user_id_str" : "1498273561028411395"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813061871991200676"
          ],
          "editableUntil" : "2024-07-16T05:03:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/2hLH8UX98K",
            "expanded_url" : "https://www.ukrinform.ua/rubric-ato/3888012-povitrani-sili-vnoci-zbili-22-z-24-sahediv.html",
            "display_url" : "ukrinform.ua/rubric-ato/38…",
            "indices" : [
              "49",
              "72"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "72"
      ],
      "favorite_count" : "18",
      "in_reply_to_status_id_str" : "1813061683247601221",
      "in_reply_to_status_id" : "1813061683247601221",
      "id_str" : "1813061871991200676",
      "in_reply_to_user_id" : "1498273561028411395",
      "truncated" : false,
      "retweet_count" : "6",
      "id" : "1813061871991200676",
      "in_reply_to_screen_name" : "digest_ua_news",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jul 16 04:03:30 +0000 2024",
      "favorited" : false,
      "full_text" : "1. Повітряні сили: вночі збили 22 з 24 «шахедів» https://t.co/2hLH8UX98K",
      "lang" : "uk",
      "in_reply_to_user_id_str" : "1498273561028411395"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1813061683247601221"
          ],
          "editableUntil" : "2024-07-16T05:02:45.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "26"
      ],
      "favorite_count" : "40",
      "id_str" : "1813061683247601221",
      "truncated" : false,
      "retweet_count" : "15",
      "id" : "1813061683247601221",
      "created_at" : "Tue Jul 16 04:02:45 +0000 2024",
      "favorited" : false,
      "full_text" : "Головне за ніч 16 липня 🧵👇",
      "lang" : "uk"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1812965411389901465"
          ],
          "editableUntil" : "2024-07-15T22:40:12.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/T4dK4bLqtA",
            "expanded_url" : "https://www.reuters.com/world/us/trump-picks-jd-vance-his-running-mate-2024-07-15/?utm_source=twitter&utm_medium=Social",
            "display_url" : "reuters.com/world/us/trump…",
            "indices" : [
              "73",
              "96"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "31",
      "id_str" : "1812965411389901465",
      "truncated" : false,
      "retweet_count" : "12",
      "id" : "1812965411389901465",
      "possibly_sensitive" : false,
      "created_at" : "Mon Jul 15 21:40:12 +0000 2024",
      "favorited" : false,
      "full_text" : "Trump picks JD Vance, a critic of Ukraine aid, as running mate | Reuters https://t.co/T4dK4bLqtA",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1812850986581769751"
          ],
          "editableUntil" : "2024-07-15T15:05:31.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Y4for9duMl",
            "expanded_url" : "https://www.eurointegration.com.ua/news/2024/07/15/7190270/",
            "display_url" : "eurointegration.com.ua/new…",
            "indices" : [
              "74",
              "97"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "97"
      ],
      "favorite_count" : "23",
      "id_str" : "1812850986581769751",
      "truncated" : false,
      "retweet_count" : "9",
      "id" : "1812850986581769751",
      "possibly_sensitive" : false,
      "created_at" : "Mon Jul 15 14:05:31 +0000 2024",
      "favorited" : false,
      "full_text" : "ЗМІ: Угорщина блокує виплату Україні €6,6 млрд з Європейського фонду миру https://t.co/Y4for9duMl",
      "lang" : "uk"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1812567753619535769"
          ],
          "editableUntil" : "2024-07-14T20:20:03.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://buffer.com\" rel=\"nofollow\">Buffer</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/pbNClShVP4",
            "expanded_url" : "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-july-13-2024",
            "display_url" : "understandingwar.org/backg…",
            "indices" : [
              "53",
              "76"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "76"
      ],
      "favorite_count" : "11",
      "id_str" : "1812567753619535769",
      "truncated" : false,
      "retweet_count" : "4",
      "id" : "1812567753619535769",
      "possibly_sensitive" : false,
      "created_at" : "Sun Jul 14 19:20:03 +0000 2024",
      "favorited" : false,
      "full_text" : "Russian Offensive Campaign Assessment, July 13, 2024 https://t.co/pbNClShVP4",
      "lang" : "en"
    }
  }
]