import { CatalogData } from './catalogSchema';

// Figures and offerings from vendor documentation (AWS Neuron docs, Google Cloud TPU docs, NVIDIA and
// AMD datasheets). Region lists are a starting point, never complete: unlisted regions only warn.

const AWS_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'ca-west-1', 'mx-central-1', 'sa-east-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'us-gov-east-1', 'us-gov-west-1',
];

const GOOGLE_REGIONS = [
  'us-central1', 'us-central2', 'us-east1', 'us-east4', 'us-east5', 'us-south1', 'us-west1', 'us-west2', 'us-west3',
  'us-west4', 'northamerica-northeast1', 'northamerica-northeast2', 'northamerica-south1', 'southamerica-east1',
  'southamerica-west1', 'europe-central2', 'europe-north1', 'europe-north2', 'europe-southwest1', 'europe-west1',
  'europe-west2', 'europe-west3', 'europe-west4', 'europe-west6', 'europe-west8', 'europe-west9', 'europe-west10',
  'europe-west12', 'me-central1', 'me-central2', 'me-west1', 'africa-south1', 'asia-east1', 'asia-east2',
  'asia-northeast1', 'asia-northeast2', 'asia-northeast3', 'asia-south1', 'asia-south2', 'asia-southeast1',
  'asia-southeast2', 'australia-southeast1', 'australia-southeast2',
];

const AZURE_REGIONS = [
  'eastus', 'eastus2', 'westus', 'westus2', 'westus3', 'centralus', 'northcentralus', 'southcentralus',
  'westcentralus', 'canadacentral', 'canadaeast', 'brazilsouth', 'mexicocentral', 'northeurope', 'westeurope',
  'uksouth', 'ukwest', 'francecentral', 'germanywestcentral', 'swedencentral', 'switzerlandnorth', 'norwayeast',
  'polandcentral', 'italynorth', 'spaincentral', 'uaenorth', 'qatarcentral', 'israelcentral', 'southafricanorth',
  'centralindia', 'southindia', 'westindia', 'eastasia', 'southeastasia', 'japaneast', 'japanwest', 'koreacentral',
  'koreasouth', 'australiaeast', 'australiasoutheast', 'australiacentral',
];

const OCI_REGIONS = [
  'us-ashburn-1', 'us-phoenix-1', 'us-chicago-1', 'us-sanjose-1', 'ca-toronto-1', 'ca-montreal-1', 'mx-queretaro-1',
  'mx-monterrey-1', 'sa-saopaulo-1', 'sa-santiago-1', 'sa-vinhedo-1', 'uk-london-1', 'uk-cardiff-1', 'eu-frankfurt-1',
  'eu-amsterdam-1', 'eu-madrid-1', 'eu-paris-1', 'eu-marseille-1', 'eu-milan-1', 'eu-stockholm-1', 'eu-zurich-1',
  'me-jeddah-1', 'me-dubai-1', 'me-abudhabi-1', 'il-jerusalem-1', 'af-johannesburg-1', 'ap-tokyo-1', 'ap-osaka-1',
  'ap-seoul-1', 'ap-chuncheon-1', 'ap-mumbai-1', 'ap-hyderabad-1', 'ap-sydney-1', 'ap-melbourne-1', 'ap-singapore-1',
];

const GOOGLE_GPU_REGIONS = ['us-central1', 'us-east4', 'us-east5', 'europe-west4'];
const AZURE_GPU_REGIONS = ['eastus', 'eastus2', 'westeurope', 'southeastasia', 'japaneast'];

/** The catalog every check starts from; workbooks and `--catalog` files extend it. */
export const DEFAULT_CATALOG: CatalogData = {
  silicon: [
    { name: 'Trainium1', aliases: ['Trn1', 'Trainium 1', 'Trainium', 'trn1n'], vendor: 'AWS', family: 'Neuron', denseBf16Tflops: 190, hbmGb: 32 },
    { name: 'Trainium2', aliases: ['Trn2', 'Trainium 2', 'trn2u', 'Trn2 UltraServer'], vendor: 'AWS', family: 'Neuron', denseBf16Tflops: 667, hbmGb: 96 },
    { name: 'Trainium3', aliases: ['Trn3', 'Trainium 3', 'Trn3 UltraServer'], vendor: 'AWS', family: 'Neuron', denseBf16Tflops: 671, hbmGb: 144 },
    { name: 'Inferentia2', aliases: ['Inf2', 'Inferentia 2'], vendor: 'AWS', family: 'Neuron', denseBf16Tflops: 190, hbmGb: 32 },
    { name: 'TPU v4', aliases: ['v4', 'TPUv4'], vendor: 'Google', family: 'TPU', denseBf16Tflops: 275, hbmGb: 32 },
    { name: 'TPU v5e', aliases: ['v5e', 'TPU v5 lite', 'v5litepod'], vendor: 'Google', family: 'TPU', denseBf16Tflops: 197, hbmGb: 16 },
    { name: 'TPU v5p', aliases: ['v5p'], vendor: 'Google', family: 'TPU', denseBf16Tflops: 459, hbmGb: 95 },
    { name: 'TPU v6e', aliases: ['v6e', 'Trillium', 'TPU Trillium', 'TPU v6e (Trillium)'], vendor: 'Google', family: 'TPU', denseBf16Tflops: 918, hbmGb: 32 },
    { name: 'TPU7x', aliases: ['Ironwood', 'TPU v7', 'v7', 'TPU Ironwood', 'TPU7x (Ironwood)'], vendor: 'Google', family: 'TPU', denseBf16Tflops: 2307, hbmGb: 192 },
    { name: 'A100 80GB', aliases: ['A100', 'NVIDIA A100', 'A100 SXM', 'A100-80G', 'NVIDIA A100 80GB'], vendor: 'NVIDIA', family: 'CUDA', denseBf16Tflops: 312, hbmGb: 80 },
    { name: 'H100 SXM', aliases: ['H100', 'NVIDIA H100', 'H100 80GB', 'H100 SXM5', 'NVIDIA H100 SXM'], vendor: 'NVIDIA', family: 'CUDA', denseBf16Tflops: 989, hbmGb: 80 },
    { name: 'H200', aliases: ['NVIDIA H200', 'H200 SXM', 'H200 141GB'], vendor: 'NVIDIA', family: 'CUDA', denseBf16Tflops: 989, hbmGb: 141 },
    { name: 'B200', aliases: ['NVIDIA B200', 'HGX B200'], vendor: 'NVIDIA', family: 'CUDA', denseBf16Tflops: 2250, hbmGb: 180 },
    { name: 'GB200', aliases: ['NVIDIA GB200', 'GB200 NVL72'], vendor: 'NVIDIA', family: 'CUDA', denseBf16Tflops: 2500, hbmGb: 186 },
    { name: 'MI300X', aliases: ['AMD MI300X', 'Instinct MI300X'], vendor: 'AMD', family: 'ROCm', denseBf16Tflops: 1307, hbmGb: 192 },
    { name: 'MI325X', aliases: ['AMD MI325X', 'Instinct MI325X'], vendor: 'AMD', family: 'ROCm', denseBf16Tflops: 1307, hbmGb: 256 },
    { name: 'MI355X', aliases: ['AMD MI355X', 'Instinct MI355X'], vendor: 'AMD', family: 'ROCm', denseBf16Tflops: null, hbmGb: 288 },
    { name: 'Maia 100', aliases: ['Maia', 'Microsoft Maia 100'], vendor: 'Microsoft', family: 'Maia', denseBf16Tflops: 800, hbmGb: 64 },
  ],
  providers: [
    {
      name: 'AWS', aliases: ['Amazon Web Services', 'Amazon', 'Amazon AWS'], regions: AWS_REGIONS, anyRegion: false,
      offerings: [
        { silicon: 'H100 SXM', regions: ['us-east-1', 'us-east-2', 'us-west-2', 'ap-northeast-1'] },
        { silicon: 'H200', regions: ['us-east-2'] },
        { silicon: 'Trainium2', regions: ['us-east-2', 'us-east-1', 'us-west-2'] },
        { silicon: 'Trainium1', regions: ['us-east-1', 'us-west-2', 'ap-southeast-4'] },
        { silicon: 'A100 80GB', regions: ['us-east-2', 'us-west-2'] },
        { silicon: 'Trainium3' }, { silicon: 'Inferentia2' }, { silicon: 'B200' }, { silicon: 'GB200' },
      ],
    },
    {
      name: 'Google Cloud', aliases: ['GCP', 'Google', 'Google Cloud Platform'], regions: GOOGLE_REGIONS, anyRegion: false,
      offerings: [
        { silicon: 'TPU v6e', regions: ['us-central1', 'us-east1', 'us-east5', 'europe-west4'] },
        { silicon: 'TPU v5p', regions: ['us-central1', 'us-east5'] },
        { silicon: 'TPU v5e', regions: ['us-central1', 'us-south1', 'us-west1', 'us-west4'] },
        { silicon: 'TPU v4', regions: ['us-central2'] },
        { silicon: 'TPU7x', regions: ['us-central1'] },
        { silicon: 'A100 80GB', regions: GOOGLE_GPU_REGIONS },
        { silicon: 'H100 SXM', regions: GOOGLE_GPU_REGIONS },
        { silicon: 'H200', regions: GOOGLE_GPU_REGIONS },
        { silicon: 'B200', regions: GOOGLE_GPU_REGIONS },
        { silicon: 'GB200', regions: GOOGLE_GPU_REGIONS },
      ],
    },
    {
      name: 'Microsoft Azure', aliases: ['Azure', 'Microsoft'], regions: AZURE_REGIONS, anyRegion: false,
      offerings: [
        { silicon: 'H100 SXM', regions: AZURE_GPU_REGIONS },
        { silicon: 'MI300X', regions: AZURE_GPU_REGIONS },
        { silicon: 'A100 80GB' }, { silicon: 'GB200' }, { silicon: 'Maia 100' },
      ],
    },
    {
      name: 'Oracle Cloud', aliases: ['OCI', 'Oracle', 'Oracle Cloud Infrastructure'], regions: OCI_REGIONS, anyRegion: false,
      offerings: ['A100 80GB', 'H100 SXM', 'H200', 'B200', 'GB200', 'MI300X', 'MI355X'].map((silicon) => ({ silicon })),
    },
    {
      name: 'CoreWeave', aliases: ['Core Weave', 'CW'], regions: [], anyRegion: true,
      offerings: ['H100 SXM', 'H200', 'B200', 'GB200'].map((silicon) => ({ silicon })),
    },
    {
      name: 'Lambda', aliases: ['Lambda Labs', 'Lambda Cloud'], regions: [], anyRegion: true,
      offerings: ['A100 80GB', 'H100 SXM', 'B200'].map((silicon) => ({ silicon })),
    },
    {
      name: 'TensorWave', aliases: [], regions: [], anyRegion: true,
      offerings: ['MI300X', 'MI325X', 'MI355X'].map((silicon) => ({ silicon })),
    },
    {
      name: 'Vultr', aliases: [], regions: [], anyRegion: true,
      offerings: ['A100 80GB', 'H100 SXM', 'MI300X', 'MI325X'].map((silicon) => ({ silicon })),
    },
    {
      name: 'Self-built', aliases: ['On-prem', 'On-premises', 'On premise', 'Self-hosted', 'Own cluster'], regions: [], anyRegion: true,
      offerings: ['A100 80GB', 'H100 SXM', 'H200', 'B200', 'GB200', 'MI300X', 'MI325X', 'MI355X'].map((silicon) => ({ silicon })),
    },
  ],
};
