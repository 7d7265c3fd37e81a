targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment that can be used as part of naming resource convention, the name of the resource group for your application will use this name, prefixed with rg-')
param environmentName string

@minLength(1)
@description('The location used for all deployed resources')
param location string

@description('Id of the user or app to assign application roles')
param principalId string = ''

@description('Where Azure Monitor sends alert e-mails (empty: the alerts fire and show in the portal, and nobody is mailed)')
param alertEmailAddress string = ''

// The AppHost's parameters (Parameters section of the manifest). azd generates the secret ones once per environment
// and keeps them in .azure/<env>/config.json; no value is ever written here. The container app templates read them
// (securedParameter), not this file: hence the disabled unused-parameter warnings.
@metadata({azd: {
  type: 'generate'
  config: {length:24,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param admin_password string
@metadata({azd: {
  type: 'generate'
  config: {length:16,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param demo_user_password string
@metadata({azd: {
  type: 'generate'
  config: {length:43,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param identity_key_encryption_key string
@metadata({azd: {
  type: 'generate'
  config: {length:32,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param storefront_client_secret string
@metadata({azd: {
  type: 'generate'
  config: {length:32,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param legacy_api_key string
@metadata({azd: {
  type: 'generate'
  config: {length:32,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param legacy_client_secret string
@metadata({azd: {
  type: 'generate'
  config: {length:32,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param analytics_customer_key string
@metadata({azd: {
  type: 'generate'
  config: {length:22}
  }
})
@secure()
#disable-next-line no-unused-params
param postgres_password string
@metadata({azd: {
  type: 'generate'
  config: {length:22,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param rabbitmq_password string
@metadata({azd: {
  type: 'generate'
  config: {length:22,noSpecial:true}
  }
})
@secure()
#disable-next-line no-unused-params
param redis_password string

var tags = {
  'azd-env-name': environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}
module resources 'resources.bicep' = {
  scope: rg
  name: 'resources'
  params: {
    location: location
    tags: tags
    principalId: principalId
  }
}

// Azure Monitor's counterparts of AppHost/Monitoring/alert-rules.yml, so every environment has the same alerts.
module alerts 'alerts.bicep' = {
  scope: rg
  name: 'alerts'
  params: {
    location: location
    tags: tags
    logAnalyticsWorkspaceId: resources.outputs.AZURE_LOG_ANALYTICS_WORKSPACE_ID
    alertEmailAddress: alertEmailAddress
  }
}

output MANAGED_IDENTITY_CLIENT_ID string = resources.outputs.MANAGED_IDENTITY_CLIENT_ID
output MANAGED_IDENTITY_NAME string = resources.outputs.MANAGED_IDENTITY_NAME
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = resources.outputs.AZURE_LOG_ANALYTICS_WORKSPACE_NAME
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.AZURE_CONTAINER_REGISTRY_ENDPOINT
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = resources.outputs.AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID
output AZURE_CONTAINER_REGISTRY_NAME string = resources.outputs.AZURE_CONTAINER_REGISTRY_NAME
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_NAME
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN
output AZURE_CONTAINER_APPS_INFRASTRUCTURE_SUBNET_PREFIX string = resources.outputs.AZURE_CONTAINER_APPS_INFRASTRUCTURE_SUBNET_PREFIX
output AZURE_RESOURCE_GROUP string = rg.name
